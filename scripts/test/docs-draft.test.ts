import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { draftOperation } from '../docs/drafter.ts';
import { readPage } from '../docs/read-page.ts';
import { loadSpec } from '../docs/spec-reader.ts';
import { repoRoot } from '../lib/paths.ts';
import { diffSpecs } from '../lib/spec-diff.ts';

const fixtures = join(import.meta.dirname, 'fixtures/docs');
const spec = loadSpec(join(repoRoot, 'spec'));
const draftOf = (name: string) =>
  draftOperation(readPage(readFileSync(join(fixtures, name), 'utf8'), name), spec, 'GetSpaceUsageByQuota');

const work = mkdtempSync(join(tmpdir(), 'docs-draft-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * A spec of one operation: the real root's info and security schemes, the real components, and
 * the given operation file; linted and bundled by Redocly CLI as `pnpm spec:lint` and `pnpm generate` do.
 */
function bundleWith(name: string, operationYaml: string) {
  const dir = join(work, name);
  cpSync(join(repoRoot, 'spec/components'), join(dir, 'components'), { recursive: true });
  mkdirSync(join(dir, 'paths/space'), { recursive: true });
  writeFileSync(join(dir, 'paths/space/GetSpaceUsageByQuota.yaml'), operationYaml);
  const root = parse(readFileSync(join(repoRoot, 'spec/openapi.yaml'), 'utf8'));
  root.tags = root.tags.filter((tag: { name: string }) => tag.name === 'Space Management');
  root.paths = { '/koodrive/ose/v1/space/usage/quota': { get: { $ref: 'paths/space/GetSpaceUsageByQuota.yaml' } } };
  writeFileSync(join(dir, 'openapi.yaml'), stringify(root));
  const redocly = (...args: string[]) =>
    execFileSync(join(repoRoot, 'node_modules/.bin/redocly'), args, {
      cwd: dir,
      encoding: 'utf8',
      stdio: 'pipe',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
  redocly('lint', 'openapi.yaml', '--config', join(repoRoot, 'redocly.yaml'));
  redocly('bundle', 'openapi.yaml', '--output', 'bundle.yaml');
  return parse(readFileSync(join(dir, 'bundle.yaml'), 'utf8'));
}

describe('docs:draft', () => {
  it('drafts GetSpaceUsageByQuota from its page with nothing left unclear', () => {
    const draft = draftOf('GetSpaceUsageByQuota.txt');
    expect(draft).toMatchObject({ operationId: 'GetSpaceUsageByQuota', folder: 'space', unclear: [] });
    const op = parse(draft.yaml);
    expect(op).toMatchObject({
      summary: 'Querying Space Usage by Quota',
      'x-koodrive-updated': '2025-08-28',
      security: [{ kooDriveToken: [] }, { kooDriveAppSignature: [] }],
      tags: ['Space Management'],
      externalDocs: { url: 'https://support.huaweicloud.com/intl/en-us/api-koodrive/GetSpaceUsageByQuota.html' },
    });
    expect(draft.yaml).toMatch(/^# DRAFT by pnpm docs:draft/);
    // Descriptions are left for a person to write, never copied from the page.
    expect(draft.yaml).not.toMatch(/Rows to return|Number of allocations/);
  });

  it('drafts the same from the HTML page as from the text copy', () => {
    const strip = (yaml: string) => yaml.replace(/^#.*\n/gm, '').replace(/Source: the .*\n/, '');
    expect(strip(draftOf('GetSpaceUsageByQuota.html').yaml)).toBe(strip(draftOf('GetSpaceUsageByQuota.txt').yaml));
  });

  it('lints, bundles and generates types, equivalent to the committed operation', async () => {
    const committed = bundleWith(
      'committed',
      readFileSync(join(repoRoot, 'spec/paths/space/GetSpaceUsageByQuota.yaml'), 'utf8'),
    );
    const drafted = bundleWith('drafted', draftOf('GetSpaceUsageByQuota.txt').yaml);
    // Same parameters, types, required-ness and response schema, read both ways by the spec diff.
    expect(diffSpecs(committed, drafted)).toEqual([]);
    expect(diffSpecs(drafted, committed)).toEqual([]);
    // biome-ignore lint/suspicious/noExplicitAny: bundles are plain parsed YAML
    type Yaml = Record<string, any>;
    const params = (bundle: Yaml) =>
      bundle.paths['/koodrive/ose/v1/space/usage/quota'].get.parameters.map((p: Yaml) =>
        p.$ref ? p.$ref : `${p.in} ${p.name} ${p.required} ${JSON.stringify(p.schema)}`,
      );
    expect(params(drafted)).toEqual(params(committed));
    const types = astToString(await openapiTS(drafted));
    expect(types).toMatch(/GetSpaceUsageByQuota: \{/);
  }, 60_000);

  it('lists what a cut-off page leaves unclear', () => {
    const draft = draftOf('derived/GetSpaceUsageByQuota.truncated.txt');
    expect(draft.unclear).toEqual([
      'page: the table "SpaceQuotaUsage" is cut off after 2 row(s)',
      'page: the page ends before its Status Codes section (cut off in response)',
      'responses.200.data: no component schema matches SpaceQuotaUsage; inlined (move it to components/schemas/ if others share it)',
    ]);
    expect(draft.yaml).toContain('# UNCLEAR: page: the table "SpaceQuotaUsage" is cut off after 2 row(s)');
  });

  it('reuses a component whose fields match and inlines a body object that matches none', () => {
    const text = readFileSync(join(fixtures, 'GetSpaceUsageByQuota.txt'), 'utf8').replace(
      'Request Parameters\n',
      [
        'Request Parameters',
        'Table 9 Request body parameters',
        ...['Parameter', 'Mandatory', 'Type', 'Description'],
        ...['filter', 'Yes', 'QuotaFilter object', 'Which rows.'],
        'Table 10 QuotaFilter',
        ...['Parameter', 'Mandatory', 'Type', 'Description'],
        ...['quotas', 'No', 'Array of strings', 'Quota sizes.'],
        '',
      ].join('\n\n'),
    );
    const draft = draftOperation(readPage(text, 'GetSpaceUsageByQuota.txt'), spec);
    const body = parse(draft.yaml).requestBody.content['application/json'].schema;
    expect(body).toMatchObject({
      type: 'object',
      required: ['filter'],
      properties: { filter: { type: 'object', properties: { quotas: { type: 'array', items: { type: 'string' } } } } },
    });
    expect(
      parse(draft.yaml).responses['200'].content['application/json'].schema.allOf[1].properties.data.items,
    ).toEqual({
      $ref: '../../components/schemas/SpaceQuotaUsage.yaml',
    });
    expect(draft.unclear).toEqual([
      'requestBody.filter: no component schema matches QuotaFilter; inlined (move it to components/schemas/ if others share it)',
    ]);
  });
});
