import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '../src');

/** The modules a module imports for their values (type-only imports and dynamic import() aside). */
function staticImports(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  const specifiers = [...text.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'(\.[^']+)';/gms)].map(
    (match) => match[1] as string,
  );
  return specifiers.map((specifier) => join(dirname(file), specifier).replace(/\.js$/, '.ts'));
}

function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of staticImports(file)) visit(next);
  };
  visit(entry);
  return seen;
}

describe('the app signer stays out of createKooDriveClient', () => {
  it('is not exported by the main entry (it has a subpath of its own)', () => {
    expect([...staticGraph('index.ts')].filter((file) => file.startsWith('auth/app-signature/'))).toEqual([]);
  });

  it('is reached from the client only through a dynamic import, so bundlers split it off', () => {
    const graph = staticGraph('client.ts');
    expect(graph).toContain('auth/app-credential.ts');
    expect(graph).toContain('auth/token-auth.ts');
    expect([...graph].filter((file) => file === 'auth/app-auth.ts' || file.startsWith('auth/app-signature/'))).toEqual(
      [],
    );
    expect(readFileSync(join(SRC, 'auth/app-credential.ts'), 'utf8')).toContain("import('./app-auth.js')");
  });
});
