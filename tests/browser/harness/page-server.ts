/**
 * The test pages: tests/browser/page/*.ts bundled by esbuild as an app's bundler would (ES modules,
 * code splitting, so a dynamic import becomes a chunk fetched when it runs), served with MSW's
 * service worker script from a loopback origin of their own.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { basename, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const pageDir = fileURLToPath(new URL('../page/', import.meta.url));

/** The pages' bundle: the files to serve by URL path, and which chunk holds the app signer. */
export interface PageBundle {
  files: Map<string, string>;
  /** URL path of the chunk with the client's app signer (`auth/app-signature/signer.js`). */
  signerChunk: string;
  /** URL paths of the chunks the client page's entry imports statically, itself included. */
  clientPageStaticChunks: string[];
}

const SIGNER_MODULE = /packages\/client\/dist\/auth\/app-signature\/signer\.js$/;

/** Bundles the pages from the built packages (`pnpm build` first), as a web app would. */
export async function buildPages(): Promise<PageBundle> {
  const result = await build({
    entryPoints: {
      'client-page': `${pageDir}client-page.ts`,
      'msw-page': `${pageDir}msw-page.ts`,
      'transfer-page': `${pageDir}transfer-page.ts`,
    },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: `${pageDir}out`,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const urlOf = (path: string) => `/${relative(`${pageDir}out`, path)}`;
  const files = new Map<string, string>();
  for (const file of result.outputFiles) files.set(urlOf(file.path), file.text);
  files.set('/client.html', page('client-page'));
  files.set('/msw.html', page('msw-page'));
  files.set('/transfer.html', page('transfer-page'));
  files.set('/mockServiceWorker.js', readFileSync(mswWorkerScript(), 'utf8'));

  const outputs = result.metafile.outputs;
  const byUrl = (outputPath: string) => `/${basename(outputPath)}`;
  const signer = Object.entries(outputs).find(([, output]) =>
    Object.keys(output.inputs).some((input) => SIGNER_MODULE.test(input)),
  );
  if (!signer) throw new Error('no output chunk holds the client app signer (auth/app-signature/signer.js)');
  const staticChunks = new Set<string>();
  const visit = (outputPath: string) => {
    if (staticChunks.has(outputPath)) return;
    staticChunks.add(outputPath);
    for (const imported of outputs[outputPath]?.imports ?? [])
      if (imported.kind === 'import-statement') visit(imported.path);
  };
  const clientEntry = Object.keys(outputs).find((path) => outputs[path]?.entryPoint?.endsWith('client-page.ts'));
  if (clientEntry) visit(clientEntry);
  return {
    files,
    signerChunk: byUrl(signer[0]),
    clientPageStaticChunks: [...staticChunks].map(byUrl),
  };
}

/** MSW's service worker script, from the msw package the page bundles (their versions must match). */
function mswWorkerScript(): string {
  const require = createRequire(`${pageDir}msw-page.ts`);
  return require.resolve('msw/mockServiceWorker.js');
}

const page = (entry: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${entry}</title>` +
  `<script type="module" src="/${entry}.js"></script></head><body></body></html>`;

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

/** Serves the bundle on 127.0.0.1 (a secure context, as Web Crypto and service workers need). */
export async function servePages(bundle: PageBundle): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const body = bundle.files.get(path);
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    const type = CONTENT_TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream';
    response.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
