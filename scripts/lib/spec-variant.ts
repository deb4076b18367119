/**
 * The client and its types as they would be for another spec, in a temporary folder: to measure
 * that costs do not grow with the spec (bundle size, type-check work), by building against the real
 * spec and against one grown to 150 operations with `syntheticSpec`. Never shipped.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { listOperations, type Spec } from './operation-facts.ts';
import { bundledSpec, repoRoot } from './paths.ts';
import { renderClientFiles } from './render-client.ts';
import { renderGeneratedFiles } from './render-types.ts';

/** The bundled spec of the repository, parsed. */
export function realSpec(): Spec {
  return parse(readFileSync(join(repoRoot, bundledSpec), 'utf8')) as Spec;
}

/**
 * The spec grown to `count` operations: copies of its own operations under new paths and
 * operationIds (`GetSpaceCopy7` at `/koodrive/ose/v1/synthetic7/space/{ownerId}`), so that the new
 * ones are as varied as the real ones.
 */
export function syntheticSpec(spec: Spec, count: number): Spec {
  const copy = structuredClone(spec) as Spec;
  const originals = listOperations(spec);
  for (let index = 0; originals.length + index < count; index++) {
    const original = originals[index % originals.length];
    if (!original) break;
    const method = original.method.toLowerCase();
    const path = original.path
      .replace('/koodrive/ose/v1/', `/koodrive/ose/v1/synthetic${index}/`)
      .replace('/koodrive/ose/v2/', `/koodrive/ose/v2/synthetic${index}/`);
    const operation = structuredClone(spec.paths[original.path][method]);
    operation.operationId = `${original.operationId}Copy${index}`;
    copy.paths[path] = { ...copy.paths[path], [method]: operation };
  }
  return copy;
}

/** A temporary tree: `types/` (openapi-typescript's output and an index) and `client/src` built for `spec`. */
export async function materializeVariant(spec: Spec): Promise<{ root: string; remove: () => void }> {
  const root = mkdtempSync(join(tmpdir(), 'koodrive-variant-'));
  const write = (file: string, content: string) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), content);
  };
  const types = await renderGeneratedFiles(JSON.stringify(spec));
  for (const [name, content] of Object.entries(types)) write(`types/generated/${name}`, content);
  write('types/index.ts', readFileSync(join(repoRoot, 'packages/types/src/index.ts'), 'utf8'));
  cpSync(join(repoRoot, 'packages/client/src'), join(root, 'client/src'), { recursive: true });
  rmSync(join(root, 'client/src/generated'), { recursive: true, force: true });
  for (const [name, content] of Object.entries(renderClientFiles(listOperations(spec)))) {
    write(`client/src/generated/${name}`, content);
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** openapi-typescript alone, for a bare openapi-fetch consumer of the same spec. */
export async function openapiTypes(spec: Spec): Promise<string> {
  return astToString(await openapiTS(spec as never, { silent: true }));
}
