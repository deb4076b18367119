import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { objectNameOf, readPage } from '../docs/read-page.ts';

const fixtures = join(import.meta.dirname, 'fixtures/docs');
const read = (name: string) => readPage(readFileSync(join(fixtures, name), 'utf8'), name);
/** The facts of a page, without where and in which layout it was read. */
const facts = (name: string) => {
  const { source: _source, layout: _layout, ...rest } = read(name);
  return rest;
};

describe('readPage', () => {
  it('reads the facts of GetSpaceUsageByQuota from a text copy', () => {
    const page = read('GetSpaceUsageByQuota.txt');
    expect(page).toMatchObject({
      layout: 'text',
      pageName: 'GetSpaceUsageByQuota',
      title: 'Querying Space Usage by Quota',
      group: 'Space Management',
      updated: '2025-08-28',
      method: 'GET',
      path: '/koodrive/ose/v1/space/usage/quota',
      statusCodes: ['200'],
      problems: [],
    });
    expect(page.parameters.map((p) => `${p.in} ${p.name} ${p.mandatory ? 'Yes' : 'No'} ${p.type}`)).toEqual([
      'query limit No Integer',
      'query offset No Integer',
      'header Authorization Yes String',
      'header X-Traceid No String',
      'header language No String',
      'header X-User-Id Yes String',
      'header X-Date Yes String',
      'header Host Yes String',
    ]);
    expect(page.response?.map((f) => `${f.name}: ${f.type}`)).toEqual([
      'code: Integer',
      'msg: String',
      'data: Array of SpaceQuotaUsage objects',
      'total: Integer',
    ]);
    expect(page.response?.[2]?.children?.map((f) => `${f.name}: ${f.type}`)).toEqual([
      'quota: String',
      'totalAllocation: Long',
      'totalCapacity: Long',
      'totalUsed: Long',
    ]);
    expect(page.exampleRequest).toEqual({
      line: '/koodrive/ose/v1/space/usage/quota',
      headers: ['Authorization:Bearer+c69b0f40334782d560bb154032cf22ef43d671843c4ffbad'],
    });
    expect(page.exampleResponse).toMatchObject({ json: { code: 0, msg: 'success' } });
    expect(Object.values(page.complete).every(Boolean)).toBe(true);
  });

  it('reads the same facts from the HTML page as from the text copy', () => {
    const html = facts('GetSpaceUsageByQuota.html');
    const text = facts('GetSpaceUsageByQuota.txt');
    // The example's whitespace differs between layouts; its JSON does not.
    expect({ ...html, exampleResponse: undefined }).toEqual({ ...text, exampleResponse: undefined });
    expect(html.exampleResponse && 'json' in html.exampleResponse && html.exampleResponse.json).toEqual({
      code: 0,
      msg: 'success',
    });
    expect(read('GetSpaceUsageByQuota.html').layout).toBe('html');
  });

  it('takes the page name from the canonical link of an HTML page, and the file name otherwise', () => {
    const html = readFileSync(join(fixtures, 'GetSpaceUsageByQuota.html'), 'utf8');
    expect(readPage(html, 'saved.html').pageName).toBe('GetSpaceUsageByQuota');
    expect(read('derived/GetSpaceUsageByQuota.newer-date.txt').pageName).toBe('GetSpaceUsageByQuota');
    expect(readPage('URI', 'https://support.huaweicloud.com/intl/en-us/api-koodrive/GetSpace.html').pageName).toBe(
      'GetSpace',
    );
  });

  it.each([
    ['derived/GetSpaceUsageByQuota.truncated.txt', 'the table "SpaceQuotaUsage" is cut off after 2 row(s)'],
    ['derived/GetSpaceUsageByQuota.truncated.html', 'the table "Response body parameters" is cut off after 2 row(s)'],
  ])('marks %s cut off from the section it ends in', (name, problem) => {
    const page = read(name);
    expect(page.problems).toEqual([problem, 'the page ends before its Status Codes section (cut off in response)']);
    expect(page.complete).toEqual({
      uri: true,
      query: true,
      path: true,
      header: true,
      requestBody: true,
      response: false,
      examples: false,
    });
    expect(page.parameters).toHaveLength(8);
  });

  it('keeps an example that is not JSON as text, with the reason', () => {
    const text = readFileSync(join(fixtures, 'GetSpaceUsageByQuota.txt'), 'utf8').replace(
      '"msg" : "success"\n}',
      '"msg" : "成功",\n}',
    );
    const page = readPage(text, 'GetSpaceUsageByQuota.txt');
    expect(page.exampleResponse).toMatchObject({ raw: expect.stringContaining('"成功",') });
    expect(page.exampleResponse && 'error' in page.exampleResponse).toBe(true);
  });

  it('reads tables with Constraints, Range and Default columns into the description', () => {
    const text = [
      'URI',
      'GET /koodrive/ose/v1/space/usage/overview',
      'Table 1 Request header parameters',
      ...['Parameter', 'Mandatory', 'Type', 'Description', 'Constraints', 'Range', 'Default Value'],
      ...['X-Date', 'Yes', 'String', 'The date.', 'yyyyMMdd', 'within 15 minutes', 'N/A'],
      ...['language', 'No', 'String', 'The language.', 'N/A', 'N/A', 'en-US'],
      'Status Codes',
    ].join('\n\n');
    const page = readPage(text, 'GetSpaceUsageByOverview.txt');
    expect(page.parameters).toEqual([
      {
        in: 'header',
        name: 'X-Date',
        mandatory: true,
        type: 'String',
        description: 'The date. yyyyMMdd within 15 minutes N/A',
      },
      { in: 'header', name: 'language', mandatory: false, type: 'String', description: 'The language. N/A N/A en-US' },
    ]);
  });

  it('gives an untitled object table to the object a type names (HTML copies without captions)', () => {
    const table = (rows: string[][]) =>
      `<table><thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead><tbody>${rows
        .map((row) => `<tr>${row.map((cell) => `<td><p>${cell}</p></td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    const html = `<html><body><h1>Querying Service Usage</h1><h4>URI</h4><p>GET /koodrive/ose/v1/service/quotaUsed</p>
      <h4>Response Parameters</h4><p>Status code: 200</p>
      ${table([
        ['code', 'Integer', 'Result.'],
        ['data', 'data object', 'Usage.'],
      ])}
      ${table([['userCount', 'Integer', 'Users.']])}
      <h4>Status Codes</h4></body></html>`;
    const page = readPage(html, 'GetQuotaUsed.html');
    expect(page.response?.[1]).toMatchObject({ name: 'data', objectName: 'data', children: [{ name: 'userCount' }] });
    expect(page.problems).toEqual([]);
  });

  it('reports a page without a URI section as not an operation page', () => {
    expect(readPage('Help Center/ KooDrive/ API Reference\n\nSomething else', 'x.txt').problems[0]).toMatch(
      /no method and path/,
    );
  });

  it.each([
    ['Array of SpaceQuotaUsage objects', 'SpaceQuotaUsage'],
    ['SpaceInfo object', 'SpaceInfo'],
    ['List<UserGroup>', 'UserGroup'],
    ['Array of strings', undefined],
    ['String', undefined],
    ['Long', undefined],
  ])('objectNameOf(%s) is %s', (type, name) => {
    expect(objectNameOf(type)).toBe(name);
  });
});
