/** Where the spec, its bundle and the generated files live, relative to the repository root. */
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const specEntry = 'spec/openapi.yaml';
export const bundledSpec = 'packages/types/openapi/koodrive.yaml';
export const generatedDir = 'packages/types/src/generated';
export const generatedFixturesDir = 'packages/testing/src/fixtures/generated';
export const generatedClientDir = 'packages/client/src/generated';
