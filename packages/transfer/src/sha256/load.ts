/** The state-exporting SHA-256, loaded on first use (a chunk of its own in a browser bundle). */
import type { RunningSha256, Sha256State } from './running-sha256.js';

let runningModule: Promise<typeof import('./running-sha256.js')> | undefined;

/** A SHA-256 whose state can be exported, from the start or from `from`. */
export async function loadRunningSha256(from?: Sha256State): Promise<RunningSha256> {
  runningModule ??= import('./running-sha256.js');
  return (await runningModule).createRunningSha256(from);
}
