import { describe, expect, it } from 'vitest';
import { DEFAULT_CHROMIUM_PATH, findChromium } from './harness/chromium.ts';

describe('finding Chromium', () => {
  it('fails, saying how to install it, when there is none: never a skip', () => {
    expect(() => findChromium('/nowhere/chromium')).toThrow(
      /there is none at \/nowhere\/chromium\. Install Debian's package as root: "apt-get update && apt-get install -y chromium"/,
    );
  });

  it('takes Debian’s chromium by default, where .ci/run installs it', () => {
    expect(DEFAULT_CHROMIUM_PATH).toBe('/usr/bin/chromium');
  });
});
