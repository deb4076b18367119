/**
 * Drafts an operation's spec file from its reference page (read by the same parser as docs:check):
 * operationId from the page name, summary, date, security from the Authorization row, parameters
 * (the common headers and path parameters as $refs to the components that match), request body
 * and 200 response (objects as $refs to matching component schemas, else inline), the page's JSON
 * examples, externalDocs. What the page leaves unclear is listed in comments at the top, and every
 * description is a TODO: the spec's prose is written in our own words, never copied.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, isScalar, Scalar } from 'yaml';
import { schemeOfAuthorization, shapesAgree } from './compare.ts';
import type { DocExample, DocField, DocPage } from './page-model.ts';
import { fieldShapeOfDoc, shapeOfDocType, shapeOfSchema } from './shape.ts';
import type { LoadedSpec, Node } from './spec-reader.ts';

/** The page URL of an operation in the main edition of the reference. */
export const pageUrlOf = (operationId: string) =>
  `https://support.huaweicloud.com/intl/en-us/api-koodrive/${operationId}.html`;

/** The spec folder of an API group, as spec/README.md's table lists them (kebab-case of the name otherwise). */
export function groupFolder(group: string | undefined, specDir: string): string {
  if (!group) return 'unsorted';
  try {
    const readme = readFileSync(join(specDir, 'README.md'), 'utf8');
    for (const line of readme.split('\n')) {
      const cells = line.split('|').map((cell) => cell.trim());
      const folder = /^`paths\/([\w-]+)\/`$/.exec(cells[1] ?? '')?.[1];
      if (folder && cells[2] === group) return folder;
    }
  } catch {
    // No README: fall back to the group's name.
  }
  return group
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A drafted spec file: its YAML text, where it belongs, and what the page left unclear. */
export interface Draft {
  operationId: string;
  folder: string;
  yaml: string;
  unclear: string[];
}

const TODO = 'TODO: describe in our own words.';

class Drafter {
  readonly unclear: string[] = [];
  constructor(
    private readonly page: DocPage,
    private readonly spec: LoadedSpec,
  ) {}

  /** The schema of a page field's type: a matching component as $ref, else inline. */
  schemaOf(field: DocField, where: string): Node {
    const shape = shapeOfDocType(field.type, field.children);
    if (shape.types.size === 0) {
      this.unclear.push(`${where}: the type "${field.type}" is not one the drafter knows; write its schema by hand`);
      return {};
    }
    if (field.missingTable) this.unclear.push(`${where}: the page does not show the table of ${field.objectName}`);
    const object = (): Node => {
      if (!field.children) return { type: 'object' };
      const reused = this.component(field);
      if (reused) return { $ref: `../../components/schemas/${reused}.yaml` };
      this.unclear.push(
        `${where}: no component schema matches ${field.objectName}; inlined (move it to components/schemas/ if others share it)`,
      );
      return this.objectSchema(field.children, `${where}`, false);
    };
    const scalar = (types: Set<string>, int64: boolean): Node =>
      types.has('object') ? object() : { type: [...types][0], ...(int64 ? { format: 'int64' } : {}) };
    if (shape.types.has('array'))
      return { type: 'array', items: shape.items ? scalar(shape.items.types, shape.items.int64) : {} };
    return scalar(shape.types, shape.int64);
  }

  /** The component schema whose fields agree with an object table: same name first, then any. */
  component(field: DocField): string | undefined {
    const fields = (field.children ?? []).map(fieldShapeOfDoc);
    const agrees = ([, schema]: [string, Node]) => shapesAgree(fields, shapeOfSchema(schema));
    const entries = [...this.spec.components.schemas];
    const byName = entries.find(([name]) => name === field.objectName);
    if (byName && agrees(byName)) return byName[0];
    const other = entries.find((entry) => entry[0] !== field.objectName && agrees(entry));
    if (other) this.unclear.push(`${field.objectName}: reusing ${other[0]}, whose fields are the same`);
    return other?.[0];
  }

  objectSchema(fields: DocField[], where: string, input: boolean): Node {
    const required = fields.filter((field) => field.mandatory).map((field) => field.name);
    if (input && fields.some((field) => field.mandatory === undefined))
      this.unclear.push(`${where}: the table has no Mandatory column; every field is optional in the draft`);
    return {
      type: 'object',
      ...(required.length ? { required } : {}),
      properties: Object.fromEntries(
        fields.map((field) => {
          const schema = this.schemaOf(field, `${where}.${field.name}`);
          return [field.name, schema.$ref ? schema : { ...schema, description: TODO }];
        }),
      ),
    };
  }

  parameters(): Node[] {
    const result: Node[] = [];
    const ordered = [...this.page.parameters].sort(
      (a, b) => ['path', 'query', 'header'].indexOf(a.in) - ['path', 'query', 'header'].indexOf(b.in),
    );
    for (const param of ordered) {
      if (param.in === 'header' && /^authorization$/i.test(param.name)) continue;
      const component = [...this.spec.components.parameters].find(
        ([, node]) =>
          node.in === param.in &&
          String(node.name).toLowerCase() === param.name.toLowerCase() &&
          Boolean(node.required) === Boolean(param.mandatory || param.in === 'path'),
      );
      if (component) {
        result.push({ $ref: `../../components/parameters/${component[0]}.yaml` });
        continue;
      }
      if (param.mandatory === undefined)
        this.unclear.push(`parameters.${param.in}.${param.name}: mandatory or not is not shown`);
      result.push({
        name: param.name,
        in: param.in,
        required: param.in === 'path' ? true : Boolean(param.mandatory),
        description: TODO,
        schema: this.schemaOf(param, `parameters.${param.in}.${param.name}`),
      });
    }
    return result;
  }

  security(): Node[] {
    const row = this.page.parameters.find((p) => p.in === 'header' && /^authorization$/i.test(p.name));
    const scheme = schemeOfAuthorization(row);
    if (!scheme) {
      if (!this.page.complete.header)
        this.unclear.push('security: the header table is cut off; the draft asks for no credential');
      return [];
    }
    const alternatives: Node[] =
      scheme === 'kooDriveToken' ? [{ kooDriveToken: [] }, { kooDriveAppSignature: [] }] : [{ [scheme]: [] }];
    if (row?.mandatory === false) alternatives.push({});
    if (scheme === 'kooDriveToken' && !/Bearer\+\{access_token\}/.test(row?.description ?? ''))
      this.unclear.push('security: the Authorization row does not give the usual Bearer+{access_token} form; check it');
    return alternatives;
  }

  example(example: DocExample | undefined, where: string): Node | undefined {
    if (!example) return undefined;
    if (!('json' in example)) {
      this.unclear.push(
        `${where}: the page's example is not valid JSON (${example.error}); repair it and say so, or leave it out`,
      );
      return undefined;
    }
    return {
      documented: {
        summary: `Example (page updated ${this.page.updated ?? 'on an unknown date'})`,
        value: example.json,
      },
    };
  }

  response(): Node {
    const fields = this.page.response ?? [];
    if (!this.page.response) this.unclear.push('responses.200: the page shows no response table');
    const envelope = ['code', 'msg'].every((name) => fields.some((field) => field.name === name));
    const rest = fields.filter((field) => !envelope || !['code', 'msg'].includes(field.name));
    const ref = { $ref: '../../components/schemas/ResultEnvelope.yaml' };
    const schema = !envelope
      ? this.objectSchema(rest, 'responses.200', false)
      : rest.length
        ? { allOf: [ref, this.objectSchema(rest, 'responses.200', false)] }
        : ref;
    const examples = this.example(this.page.exampleResponse, 'responses.200.examples');
    return { description: TODO, content: { 'application/json': { schema, ...(examples ? { examples } : {}) } } };
  }
}

/** Drafts the spec file of the operation a page documents. */
export function draftOperation(page: DocPage, spec: LoadedSpec, operationId = page.pageName): Draft {
  if (!operationId) throw new Error(`${page.source}: no page name to take the operationId from; pass --name`);
  if (!page.method || !page.path)
    throw new Error(`${page.source}: the page shows no method and path (${page.problems.join('; ')})`);
  const drafter = new Drafter(page, spec);
  const unclear = drafter.unclear;
  for (const problem of page.problems) unclear.push(`page: ${problem}`);
  if (!page.updated) unclear.push('x-koodrive-updated: the page shows no "Updated on" date');

  const request = page.exampleRequest;
  const sample = request?.line
    ? [request.line.startsWith('/') ? `${page.method} ${request.line}` : request.line, ...request.headers].join('\n')
    : undefined;
  const parameters = drafter.parameters();
  const bodyExamples = drafter.example(request?.body, 'requestBody.examples');
  const operation: Node = {
    operationId,
    summary: page.title ?? operationId,
    description: `${TODO}\n\nSource: the ${page.layout === 'html' ? 'page' : 'text copy of the page'} updated ${page.updated ?? '(no date shown)'}.\n`,
    ...(page.updated ? { 'x-koodrive-updated': page.updated } : {}),
    security: drafter.security(),
    tags: [page.group ?? 'TODO: the API group'],
    externalDocs: { description: `${page.title ?? operationId} (${operationId})`, url: pageUrlOf(operationId) },
    ...(sample ? { 'x-codeSamples': [{ lang: 'HTTP', label: 'Documented request', source: `${sample}\n` }] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(page.requestBody
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: drafter.objectSchema(page.requestBody, 'requestBody', true),
                ...(bodyExamples ? { examples: bodyExamples } : {}),
              },
            },
          },
        }
      : {}),
    responses: {
      '200': drafter.response(),
      '400': { $ref: '../../components/responses/BadRequest.yaml' },
      '401': { $ref: '../../components/responses/Unauthorized.yaml' },
      '500': { $ref: '../../components/responses/InternalServerError.yaml' },
    },
  };
  const doc = new Document(operation);
  // A date left plain would read as a timestamp to YAML 1.1 tools.
  const updated = doc.get('x-koodrive-updated', true);
  if (isScalar(updated)) updated.type = Scalar.QUOTE_DOUBLE;
  doc.commentBefore = [
    ` DRAFT by pnpm docs:draft from ${page.source}. Before committing: write every TODO in our own words,`,
    ' note in the description the copies followed and where they disagree (with x-koodrive-readings),',
    ' and resolve each UNCLEAR line below.',
    ...unclear.map((line) => ` UNCLEAR: ${line}`),
  ].join('\n');
  return {
    operationId,
    folder: groupFolder(page.group, spec.specDir),
    yaml: doc.toString({ lineWidth: 0 }),
    unclear,
  };
}
