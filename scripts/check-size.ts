/**
 * `pnpm check:size`: what @koodrive/client's browser entry adds to openapi-fetch, minified and
 * gzipped, as two bundlers build an app that imports `{ createKooDriveClient, unwrap }`: esbuild and
 * rollup, each splitting dynamic imports into chunks of their own (the app signer, the route table
 * of path-based calls), so the entry is the code every page loads. Measured twice: with the spec as
 * it is, and with the spec grown to 150 operations by a script (never shipped), to show that the
 * entry does not grow with the spec.
 *
 * Budget: the entry adds at most 6.5 kB with the whole spec, and grows by at most 0.5 kB at 150 operations.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative as relativePath } from 'node:path';
import { gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terserPlugin from '@rollup/plugin-terser';
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { repoRoot } from './lib/paths.ts';
import { materializeVariant, realSpec, syntheticSpec } from './lib/spec-variant.ts';

const ADDS_AT_MOST = 6.5 * 1024;
const GROWS_AT_MOST = 0.5 * 1024;
const SYNTHETIC_OPERATIONS = 150;
const clientModules = join(repoRoot, 'packages/client/node_modules');
// The plugin's types describe a CommonJS default export; at run time it is the function itself.
const terser = ((terserPlugin as { default?: unknown }).default ??
  terserPlugin) as unknown as () => import('rollup').Plugin;

const gzipSize = (code: string) => gzipSync(code, { level: 9 }).length;

/** The entry chunk and the chunks it imports statically: what a page loads before any dynamic import. */
function loadedAtOnce(chunks: Map<string, { code: string; imports: string[] }>, entry: string): number {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const imported of chunks.get(name)?.imports ?? []) visit(imported);
  };
  visit(entry);
  return [...seen].reduce((total, name) => total + gzipSize(chunks.get(name)?.code ?? ''), 0);
}

/** The variant's client sources as JavaScript (esbuild transpiles, keeping each module apart). */
async function transpile(variantRoot: string): Promise<string> {
  const out = join(variantRoot, 'client/js');
  const sources = readdirSync(join(variantRoot, 'client/src'), { recursive: true });
  await build({
    entryPoints: sources
      .filter((file) => String(file).endsWith('.ts'))
      .map((file) => join(variantRoot, 'client/src', String(file))),
    outdir: out,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  return out;
}

async function withEsbuild(entryFile: string, outdir: string): Promise<number> {
  const result = await build({
    entryPoints: { app: entryFile },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    outdir,
    metafile: true,
    nodePaths: [clientModules],
    logLevel: 'silent',
  });
  const chunks = new Map<string, { code: string; imports: string[] }>();
  const outputs = result.metafile.outputs;
  for (const file of result.outputFiles) {
    const relative = relativePath(process.cwd(), file.path);
    const imports = (outputs[relative]?.imports ?? []).filter((item) => item.kind === 'import-statement');
    chunks.set(relative, { code: file.text, imports: imports.map((item) => item.path) });
  }
  // Dynamic imports are entry points too; the app's own is the one built from entryFile.
  const entry =
    Object.keys(outputs).find((name) => outputs[name]?.entryPoint === relativePath(process.cwd(), entryFile)) ?? '';
  if (!entry) throw new Error(`esbuild wrote no chunk for ${entryFile}`);
  return loadedAtOnce(chunks, entry);
}

async function withRollup(entryFile: string): Promise<number> {
  const bundle = await rollup({
    input: entryFile,
    plugins: [nodeResolve({ browser: true, modulePaths: [clientModules] }), terser()],
    logLevel: 'silent',
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const chunks = new Map<string, { code: string; imports: string[] }>();
  let entry = '';
  for (const item of output) {
    if (item.type !== 'chunk') continue;
    chunks.set(item.fileName, { code: item.code, imports: item.imports });
    if (item.isEntry) entry = item.fileName;
  }
  return loadedAtOnce(chunks, entry);
}

/** Sizes of an app importing the client (and of one importing openapi-fetch alone), per bundler. */
async function measure(spec: ReturnType<typeof realSpec>) {
  const variant = await materializeVariant(spec);
  try {
    const js = await transpile(variant.root);
    const app = join(variant.root, 'app');
    mkdirSync(app, { recursive: true });
    writeFileSync(
      join(app, 'client.js'),
      `import { createKooDriveClient, unwrap } from '${join(js, 'index.js')}';\nconsole.log(createKooDriveClient, unwrap);\n`,
    );
    writeFileSync(
      join(app, 'bare.js'),
      `import createClient from '${join(clientModules, 'openapi-fetch/dist/index.mjs')}';\nconsole.log(createClient);\n`,
    );
    const sizes = { esbuild: { client: 0, bare: 0 }, rollup: { client: 0, bare: 0 } };
    sizes.esbuild.client = await withEsbuild(join(app, 'client.js'), join(app, 'out'));
    sizes.esbuild.bare = await withEsbuild(join(app, 'bare.js'), join(app, 'out'));
    sizes.rollup.client = await withRollup(join(app, 'client.js'));
    sizes.rollup.bare = await withRollup(join(app, 'bare.js'));
    return sizes;
  } finally {
    variant.remove();
  }
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;
const spec = realSpec();
const operations = Object.values(spec.paths as Record<string, object>).reduce(
  (count, item) => count + Object.keys(item).filter((key) => key !== 'parameters').length,
  0,
);
const real = await measure(spec);
const grown = await measure(syntheticSpec(spec, SYNTHETIC_OPERATIONS));

let failed = false;
for (const bundler of ['esbuild', 'rollup'] as const) {
  const adds = real[bundler].client - real[bundler].bare;
  const addsGrown = grown[bundler].client - grown[bundler].bare;
  const growth = addsGrown - adds;
  const within = adds <= ADDS_AT_MOST && growth <= GROWS_AT_MOST;
  failed ||= !within;
  console.log(
    `${bundler}: openapi-fetch ${kB(real[bundler].bare)}; the client's entry adds ${kB(adds)} with the spec's ` +
      `${operations} operations, ${kB(addsGrown)} with ${SYNTHETIC_OPERATIONS} (grows ${kB(growth)}) — ` +
      `budget: adds ≤ ${kB(ADDS_AT_MOST)}, grows ≤ ${kB(GROWS_AT_MOST)}: ${within ? 'ok' : 'EXCEEDED'}`,
  );
}
process.exit(failed ? 1 : 0);
