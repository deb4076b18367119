/**
 * Compares a reference page with the spec's operation for it and lists each difference with its
 * location, both values, and what following the page would mean for the spec's users, in the
 * terms `pnpm spec:diff` uses: breaking (a parameter or field removed or newly required, a type
 * narrowed on input or widened on output, the method or path changed), additive (an optional
 * parameter or field added, a type widened on input) or other (no effect on the types: the date,
 * the title, an example, the token's written form, an output narrowed).
 *
 * Only sections the page shows in full are compared: what a cut-off page leaves out is not a
 * difference. Differences that a recorded reading covers are set apart, not reported.
 */
import { isDeepStrictEqual } from 'node:util';
import type { DocField, DocPage } from './page-model.ts';
import { type Reading, readingFor } from './readings.ts';
import { describeShape, type FieldShape, fieldShapeOfDoc, type JsonType, type Shape, shapeOfSchema } from './shape.ts';
import type { Node, SpecOperation } from './spec-reader.ts';

/** One way in which the page and the spec differ. */
export interface Difference {
  kind: 'breaking' | 'additive' | 'other';
  /** The location, in the terms of `x-koodrive-readings` (`parameters.query.limit`, `responses.200.data.quota`). */
  at: string;
  what: string;
  documented: string;
  spec: string;
}

/** The outcome for one operation. */
export interface Comparison {
  differences: Difference[];
  /** Differences a recorded reading covers, with the reading. */
  explained: { difference: Difference; reading: Reading }[];
  /** What could not be compared, and why (a cut-off table, an example that is not JSON, …). */
  notes: string[];
}

type Direction = 'input' | 'output';

const list = (types: JsonType[]) => types.sort().join(', ');

/** Compares two shapes at `at`; `direction` says whether a narrowing hurts callers (input) or readers (output). */
function compareShapes(doc: Shape, spec: Shape, at: string, direction: Direction, out: Difference[]): void {
  const documented = describeShape(doc);
  const specified = describeShape(spec);
  if (doc.types.size > 0 && spec.types.size > 0) {
    const gained = [...doc.types].filter((type) => !spec.types.has(type));
    const lost = [...spec.types].filter((type) => !doc.types.has(type));
    if (gained.length || lost.length) {
      const what =
        direction === 'input'
          ? [lost.length ? `no longer accepts ${list(lost)}` : '', gained.length ? `also accepts ${list(gained)}` : '']
          : [gained.length ? `may now be ${list(gained)}` : '', lost.length ? `is no longer ${list(lost)}` : ''];
      const breaking = direction === 'input' ? lost.length > 0 : gained.length > 0;
      out.push({
        kind: breaking ? 'breaking' : direction === 'input' ? 'additive' : 'other',
        at,
        what: what.filter(Boolean).join('; '),
        documented,
        spec: specified,
      });
      return;
    }
    if (doc.types.has('integer') && doc.int64 !== spec.int64) {
      // Long on the page is int64 in the spec, which the client reads as number | bigint.
      const widened = doc.int64;
      const kind = widened
        ? direction === 'input'
          ? 'additive'
          : 'breaking'
        : direction === 'input'
          ? 'breaking'
          : 'other';
      const what = widened
        ? direction === 'input'
          ? 'also accepts int64'
          : 'may now be int64 (number | bigint)'
        : direction === 'input'
          ? 'no longer accepts int64'
          : 'is no longer int64';
      out.push({ kind, at, what, documented, spec: specified });
    }
  }
  if (doc.items && spec.items) compareShapes(doc.items, spec.items, at, direction, out);
  if (doc.fields && spec.fields) compareFields(doc.fields, spec.fields, at, direction, out);
}

const mandatoryText = (required: boolean | undefined) =>
  required === undefined ? 'not said' : required ? 'mandatory' : 'optional';

function compareFields(
  doc: FieldShape[],
  spec: FieldShape[],
  at: string,
  direction: Direction,
  out: Difference[],
): void {
  for (const field of doc) {
    const where = `${at}.${field.name}`;
    const match = spec.find((candidate) => candidate.name === field.name);
    const documented = `${mandatoryText(field.required)}, ${describeShape(field.shape)}`;
    if (!match) {
      const required = direction === 'input' && field.required === true;
      out.push({
        kind: required ? 'breaking' : 'additive',
        at: where,
        what: required ? 'new required field' : 'field added',
        documented,
        spec: 'absent',
      });
      continue;
    }
    if (field.required !== undefined && field.required !== Boolean(match.required)) {
      const nowRequired = field.required;
      out.push({
        kind: direction === 'input' ? (nowRequired ? 'breaking' : 'additive') : nowRequired ? 'other' : 'breaking',
        at: where,
        what:
          direction === 'input'
            ? nowRequired
              ? 'now required'
              : 'no longer required'
            : nowRequired
              ? 'now always present'
              : 'may now be absent',
        documented: mandatoryText(field.required),
        spec: mandatoryText(Boolean(match.required)),
      });
    }
    compareShapes(field.shape, match.shape, where, direction, out);
  }
  for (const field of spec) {
    if (!doc.some((candidate) => candidate.name === field.name))
      out.push({
        kind: 'breaking',
        at: `${at}.${field.name}`,
        what: 'field removed',
        documented: 'absent',
        spec: `${mandatoryText(field.required)}, ${describeShape(field.shape)}`,
      });
  }
}

/** Whether a page's object table and a schema's shape agree (no difference either way), for reusing components. */
export function shapesAgree(doc: FieldShape[], spec: Shape): boolean {
  const out: Difference[] = [];
  compareFields(doc, spec.fields ?? [], '', 'input', out);
  return out.length === 0;
}

/** Which security scheme an Authorization row asks for, read from its description. */
export function schemeOfAuthorization(row: DocField | undefined): string | undefined {
  if (!row) return undefined;
  if (/app_access_token/i.test(row.description)) return 'kooDriveAppToken';
  if (/HMAC-SHA256/.test(row.description)) return 'kooDriveAppSignature';
  return 'kooDriveToken';
}

function compareSecurity(page: DocPage, op: SpecOperation, schemes: Map<string, Node>, out: Difference[]): void {
  const row = page.parameters.find((p) => p.in === 'header' && p.name.toLowerCase() === 'authorization');
  const expected = schemeOfAuthorization(row);
  const alternatives = op.security.filter((alternative) => alternative.length > 0).map((a) => a.join(' + '));
  const optional = op.security.some((alternative) => alternative.length === 0);
  const specText = op.security.map((a) => (a.length ? a.join(' + ') : '{}')).join(', ') || 'none';
  if (!expected) {
    if (alternatives.length)
      out.push({
        kind: 'other',
        at: 'security',
        what: 'the page documents no Authorization header',
        documented: 'absent',
        spec: specText,
      });
    return;
  }
  if (!alternatives.includes(expected))
    out.push({
      kind: 'breaking',
      at: 'security',
      what: `the page asks for ${expected}`,
      documented: row?.description ?? '',
      spec: specText,
    });
  else if (alternatives[0] !== expected)
    out.push({
      kind: 'other',
      at: 'security',
      what: `the page asks for ${expected} first`,
      documented: expected,
      spec: specText,
    });
  if (row && row.mandatory === false && !optional)
    out.push({
      kind: 'additive',
      at: 'security',
      what: 'Authorization is optional on the page',
      documented: 'optional',
      spec: specText,
    });
  if (row && row.mandatory === true && optional)
    out.push({
      kind: 'breaking',
      at: 'security',
      what: 'Authorization is now mandatory',
      documented: 'mandatory',
      spec: specText,
    });
  const form = /Bearer\+\{[^}]*\}|Bearer \{[^}]*\}/.exec(row?.description ?? '')?.[0];
  const scheme = schemes.get(expected);
  if (form?.startsWith('Bearer+') && scheme?.type === 'http' && scheme.scheme === 'bearer')
    out.push({
      kind: 'other',
      at: 'parameters.header.Authorization',
      what: 'the token is written differently',
      documented: form,
      spec: `Bearer {token} (${expected}: HTTP bearer)`,
    });
}

const paramKey = (location: string, name: string) => (location === 'header' ? name.toLowerCase() : name);

function compareParameters(page: DocPage, op: SpecOperation, out: Difference[]): void {
  const specParams: Node[] = op.operation.parameters ?? [];
  for (const location of ['path', 'query', 'header'] as const) {
    if (!page.complete[location]) continue;
    const docs = page.parameters.filter(
      (p) => p.in === location && !(location === 'header' && /^authorization$/i.test(p.name)),
    );
    const specs = specParams.filter((p) => p.in === location);
    for (const doc of docs) {
      const at = `parameters.${location}.${doc.name}`;
      const spec = specs.find((p) => paramKey(location, String(p.name)) === paramKey(location, doc.name));
      const docShape = fieldShapeOfDoc(doc);
      const documented = `${mandatoryText(doc.mandatory)}, ${doc.type}`;
      if (!spec) {
        out.push(
          doc.mandatory
            ? { kind: 'breaking', at, what: 'new required parameter', documented, spec: 'absent' }
            : { kind: 'additive', at, what: 'parameter added', documented, spec: 'absent' },
        );
        continue;
      }
      const required = Boolean(spec.required);
      if (doc.mandatory !== undefined && doc.mandatory !== required)
        out.push({
          kind: doc.mandatory ? 'breaking' : 'additive',
          at,
          what: doc.mandatory ? 'now required' : 'no longer required',
          documented: mandatoryText(doc.mandatory),
          spec: mandatoryText(required),
        });
      compareShapes(docShape.shape, shapeOfSchema(spec.schema), at, 'input', out);
    }
    for (const spec of specs) {
      if (!docs.some((doc) => paramKey(location, doc.name) === paramKey(location, String(spec.name))))
        out.push({
          kind: 'breaking',
          at: `parameters.${location}.${spec.name}`,
          what: 'parameter removed',
          documented: 'absent',
          spec: `${mandatoryText(Boolean(spec.required))}, ${describeShape(shapeOfSchema(spec.schema))}`,
        });
    }
  }
}

const jsonSchema = (holder: Node | undefined): Node | undefined => holder?.content?.['application/json']?.schema;
const examplesOf = (holder: Node | undefined): unknown[] => {
  const media = holder?.content?.['application/json'];
  return [
    ...Object.values<Node>(media?.examples ?? {}).map((example) => example?.value),
    ...(media?.example === undefined ? [] : [media.example]),
  ];
};
const brief = (value: unknown) => {
  const text = JSON.stringify(value);
  return text.length > 100 ? `${text.slice(0, 97)}...` : text;
};

function compareExamples(page: DocPage, op: SpecOperation, out: Difference[], notes: string[]): void {
  const pairs = [
    {
      at: 'requestBody.examples',
      example: page.exampleRequest?.body,
      holder: op.operation.requestBody as Node | undefined,
    },
    {
      at: 'responses.200.examples',
      example: page.exampleResponse,
      holder: op.operation.responses?.['200'] as Node | undefined,
    },
  ];
  for (const { at, example, holder } of pairs) {
    if (!example) continue;
    if (!('json' in example)) {
      notes.push(`${at}: the page's example is not valid JSON (${example.error}): not compared`);
      continue;
    }
    const known = examplesOf(holder);
    if (!known.some((value) => isDeepStrictEqual(value, example.json)))
      out.push({
        kind: 'other',
        at,
        what: known.length ? "the page's example differs" : "the page's example is not in the spec",
        documented: brief(example.json),
        spec: known.length ? brief(known[0]) : 'none',
      });
  }
}

/** Compares a page with the spec's operation; `schemes` are the spec's security schemes. */
export function compareOperation(page: DocPage, op: SpecOperation, schemes: Map<string, Node>): Comparison {
  const all: Difference[] = [];
  const notes: string[] = [...page.problems];

  if (!page.updated) notes.push('the page shows no "Updated on" date');
  else if (!op.updated)
    all.push({
      kind: 'other',
      at: 'x-koodrive-updated',
      what: 'the spec records no page date',
      documented: page.updated,
      spec: 'none',
    });
  else if (page.updated > op.updated)
    all.push({
      kind: 'other',
      at: 'x-koodrive-updated',
      what: 'the page was updated since',
      documented: page.updated,
      spec: op.updated,
    });

  const summary = String(op.operation.summary ?? '');
  if (page.title && page.title.trim() !== summary.trim())
    all.push({
      kind: 'other',
      at: 'summary',
      what: 'the title changed',
      documented: page.title,
      spec: summary || 'none',
    });

  if (page.complete.uri && page.method && page.path) {
    if (page.method !== op.method)
      all.push({
        kind: 'breaking',
        at: 'method',
        what: 'the method changed',
        documented: page.method,
        spec: op.method,
      });
    if (page.path !== op.path)
      all.push({ kind: 'breaking', at: 'path', what: 'the path changed', documented: page.path, spec: op.path });
  }
  compareParameters(page, op, all);
  if (page.complete.header) compareSecurity(page, op, schemes, all);

  if (page.complete.requestBody) {
    const spec = shapeOfSchema(jsonSchema(op.operation.requestBody));
    const doc = (page.requestBody ?? []).map(fieldShapeOfDoc);
    if (doc.length || spec.fields?.length) compareFields(doc, spec.fields ?? [], 'requestBody', 'input', all);
  }
  if (page.complete.response) {
    if (page.response) {
      const spec = shapeOfSchema(jsonSchema(op.operation.responses?.['200']));
      compareFields(page.response.map(fieldShapeOfDoc), spec.fields ?? [], 'responses.200', 'output', all);
    } else notes.push('the page shows no table of the 200 response: not compared');
  }
  if (page.complete.examples) compareExamples(page, op, all, notes);

  const readings = [...op.readings, ...op.schemeReadings];
  const differences: Difference[] = [];
  const explained: Comparison['explained'] = [];
  for (const difference of all) {
    const reading = readingFor(difference.at, readings);
    if (reading) explained.push({ difference, reading });
    else differences.push(difference);
  }
  return { differences, explained, notes };
}
