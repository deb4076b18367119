/**
 * Node's built-in modules, found at run time through `process.getBuiltinModule` (Node 20.16+, Bun,
 * Deno) so that no `node:` import reaches a browser bundle. Each answers undefined in a browser.
 */

type NodeCrypto = typeof import('node:crypto');
type NodeFs = typeof import('node:fs');
type NodeFsPromises = typeof import('node:fs/promises');
type NodePath = typeof import('node:path');

function builtin<Module>(id: string): Module | undefined {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return process?.getBuiltinModule?.(id) as Module | undefined;
}

/** node:crypto, where the runtime has it. */
export const nodeCrypto = (): NodeCrypto | undefined => builtin<NodeCrypto>('node:crypto');

/** node:fs, where the runtime has it. */
export const nodeFs = (): NodeFs | undefined => builtin<NodeFs>('node:fs');

/** node:fs/promises, where the runtime has it. */
export const nodeFsPromises = (): NodeFsPromises | undefined => builtin<NodeFsPromises>('node:fs/promises');

/** node:path, where the runtime has it. */
export const nodePath = (): NodePath | undefined => builtin<NodePath>('node:path');
