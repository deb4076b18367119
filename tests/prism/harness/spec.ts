/**
 * The spec the contract tests judge: @koodrive/types' bundle, read when the tests start, so that
 * every operation added to the spec is called without a change here. `KOODRIVE_PRISM_SPEC` names
 * another bundle (e.g. one made from the split spec before `pnpm generate`).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { bundledSpec, repoRoot } from '../../../scripts/lib/paths.ts';
import { listOperations, type SpecDocument } from '../../../scripts/lib/spec-operations.ts';

/** The file given to Prism. */
// biome-ignore lint/suspicious/noUndeclaredEnvVars: the Prism tests run outside turbo
export const specPath = resolve(repoRoot, process.env.KOODRIVE_PRISM_SPEC ?? bundledSpec);
/** The parsed spec. */
export const document = parse(readFileSync(specPath, 'utf8')) as SpecDocument;
/** Every operation of the spec. */
export const operations = listOperations(document);
