/**
 * Reads the hand-written, split spec (spec/openapi.yaml and the files it references) the way
 * docs:check needs it: each operation dereferenced, with its file, its `externalDocs` page, the
 * date it follows (`x-koodrive-updated`) and its recorded readings (`x-koodrive-readings`, and
 * those of the security schemes it uses). The split spec is read rather than the bundle, so an
 * edit is checked before `pnpm generate`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { parseReadings, type Reading } from './readings.ts';

// biome-ignore lint/suspicious/noExplicitAny: the spec is plain parsed YAML
export type Node = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** An operation of the spec, dereferenced, with what docs:check compares it by. */
export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  /** The operation's file, relative to the spec folder. */
  file: string;
  operation: Node;
  updated?: string;
  readings: Reading[];
  /** Each `security` alternative as the scheme names it lists (an empty list: no credential). */
  security: string[][];
  /** The readings of the security schemes this operation uses, which apply to its Authorization header. */
  schemeReadings: Reading[];
  pageUrl?: string;
}

/** The spec as docs:check and docs:draft read it. */
export interface LoadedSpec {
  specDir: string;
  operations: SpecOperation[];
  /** Component files by kind (`schemas`, `parameters`) and name, dereferenced. */
  components: Record<'schemas' | 'parameters', Map<string, Node>>;
  /** Security schemes by name, dereferenced. */
  securitySchemes: Map<string, Node>;
}

/** Reads YAML files once each and resolves `$ref`s between them, relative to the referring file. */
export class SpecFiles {
  private readonly cache = new Map<string, Node>();

  read(file: string): Node {
    const path = resolve(file);
    let doc = this.cache.get(path);
    if (!doc) {
      try {
        doc = parse(readFileSync(path, 'utf8')) as Node;
      } catch (error) {
        throw new Error(`cannot read the spec file ${path}: ${(error as Error).message}`);
      }
      this.cache.set(path, doc);
    }
    return doc;
  }

  /** `node` with every `$ref` replaced by its target; a reference back into itself becomes `{}`. */
  deref(node: unknown, file: string, stack: string[] = []): unknown {
    if (Array.isArray(node)) return node.map((item) => this.deref(item, file, stack));
    if (!node || typeof node !== 'object') return node;
    const object = node as Node;
    if (typeof object.$ref === 'string') {
      const [target = '', fragment = ''] = (object.$ref as string).split('#');
      const targetFile = target ? resolve(dirname(file), target) : file;
      const key = `${targetFile}#${fragment}`;
      if (stack.includes(key)) return {};
      let value: unknown = this.read(targetFile);
      for (const part of fragment.split('/').filter(Boolean))
        value = (value as Node)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
      if (value === undefined) throw new Error(`${relative(process.cwd(), file)}: $ref ${object.$ref} names nothing`);
      const { $ref: _ref, ...siblings } = object;
      const resolved = this.deref(value, targetFile, [...stack, key]) as Node;
      return Object.keys(siblings).length ? { ...resolved, ...(this.deref(siblings, file, stack) as Node) } : resolved;
    }
    return Object.fromEntries(Object.entries(object).map(([name, value]) => [name, this.deref(value, file, stack)]));
  }
}

function componentsOf(files: SpecFiles, dir: string): Map<string, Node> {
  const found = new Map<string, Node>();
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.yaml'));
  } catch {
    return found;
  }
  for (const name of names)
    found.set(basename(name, '.yaml'), files.deref(files.read(join(dir, name)), join(dir, name)) as Node);
  return found;
}

/** Loads the split spec whose root is `<specDir>/openapi.yaml`. */
export function loadSpec(specDir: string): LoadedSpec {
  const files = new SpecFiles();
  const rootFile = join(specDir, 'openapi.yaml');
  const root = files.read(rootFile);
  const securitySchemes = new Map<string, Node>(
    Object.entries<Node>(root.components?.securitySchemes ?? {}).map(([name, scheme]) => [
      name,
      files.deref(scheme, rootFile) as Node,
    ]),
  );
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries<Node>(root.paths ?? {})) {
    for (const method of METHODS) {
      const entry = item?.[method];
      if (!entry) continue;
      const file = typeof entry.$ref === 'string' ? resolve(specDir, entry.$ref.split('#')[0]) : rootFile;
      const operation = files.deref(entry, rootFile) as Node;
      const where = relative(specDir, file);
      const security: string[][] = (operation.security ?? root.security ?? []).map((alternative: Node) =>
        Object.keys(alternative ?? {}),
      );
      const schemeReadings = [...new Set(security.flat())].flatMap((scheme) =>
        parseReadings(securitySchemes.get(scheme)?.['x-koodrive-readings'], `security scheme ${scheme}`),
      );
      operations.push({
        operationId: String(operation.operationId ?? `${method} ${path}`),
        method: method.toUpperCase(),
        path,
        file: where,
        operation,
        ...(operation['x-koodrive-updated'] ? { updated: String(operation['x-koodrive-updated']) } : {}),
        readings: parseReadings(operation['x-koodrive-readings'], where),
        security,
        schemeReadings,
        ...(operation.externalDocs?.url ? { pageUrl: String(operation.externalDocs.url) } : {}),
      });
    }
  }
  return {
    specDir,
    operations,
    components: {
      schemas: componentsOf(files, join(specDir, 'components/schemas')),
      parameters: componentsOf(files, join(specDir, 'components/parameters')),
    },
    securitySchemes,
  };
}
