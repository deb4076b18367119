/**
 * The packed @koodrive/client in a runtime (Node 20, 22 and 24 run it compiled, as out/runtimes.js;
 * Bun and Deno from source), against a mock KooDrive that Node started: `<runtime> runtimes.ts <mock
 * url>`. It exercises what differs between runtimes: fetch, timers and AbortSignal, the signer's
 * dynamic import, node:crypto or WebCrypto (the mock verifies every signature), and a transfer
 * (parts in parallel, hashed by hash-wasm's WebAssembly, and a streamed download checked against
 * the SHA-256), and prints what it saw as JSON.
 */
import { createKooDriveClient, KooDriveAbortError, KooDriveApiError, unwrap } from '@koodrive/client';
import { createAppSigner, webSigningCrypto } from '@koodrive/client/app-signature';
import { downloadFile, uploadFile } from '@koodrive/transfer';

declare const Deno: { args: string[]; version: { deno: string } } | undefined;
declare const Bun: { version: string } | undefined;

const args = typeof Deno !== 'undefined' ? Deno.args : process.argv.slice(2);
const baseUrl = args[0];
if (!baseUrl) throw new Error('usage: runtimes.ts <mock url>');
const runtime =
  typeof Deno !== 'undefined'
    ? `deno ${Deno.version.deno}`
    : typeof Bun !== 'undefined'
      ? `bun ${Bun.version}`
      : `node ${process.versions.node}`;

const APP = { appId: 'runtime-app', appSecret: 'runtime-secret' };
const userId = '1505084218764547200';
const QUOTA = '/koodrive/ose/v1/space/usage/quota';
const withToken = createKooDriveClient({ baseUrl, userId, auth: { type: 'token', token: 'runtime-token' } });
const withApp = createKooDriveClient({ baseUrl, userId, auth: { type: 'app', ...APP } });

const firstPage = await unwrap(withToken.GET(QUOTA, { params: { query: { limit: 5 } } }));
let appRows = 0;
for await (const _row of withApp.paginate(QUOTA, undefined, { pageSize: 5 })) appRows++;
const created = await unwrap(
  withApp.POST('/koodrive/ose/v1/space/{ownerId}', {
    params: { path: { ownerId: '1505084218764547299' } },
    body: { capacity: '10', type: 1 },
  }),
);
const { error } = await withApp.DELETE('/koodrive/ose/v1/space/{ownerId}', {
  params: { path: { ownerId: '42' }, query: { type: 1 } },
});
const aborted = await withApp
  .GET(QUOTA, { signal: AbortSignal.abort() })
  .then(() => false)
  .catch((thrown: unknown) => thrown instanceof KooDriveAbortError);

// The default signer and the WebCrypto one must agree in this runtime too.
const request = {
  method: 'POST',
  url: `${baseUrl}/koodrive/ose/v1/space/usage/user?b=2&a=%20`,
  headers: { 'X-Date': '20251103T070140Z', 'X-User-Id': userId },
  body: new TextEncoder().encode('{"userIds":["1"]}'),
};
const defaultSigner = createAppSigner(APP);
const webSigner = createAppSigner(APP, { crypto: webSigningCrypto });
const webCryptoAgrees = (await defaultSigner.sign(request)).signature === (await webSigner.sign(request)).signature;

// Two parts of 5 MiB in parallel and a streamed download, whose SHA-256 the transfer checks.
const MiB = 1024 * 1024;
const bytes = new Uint8Array(5 * MiB + 4096).map((_, index) => (index * 31 + 7) % 251);
const uploaded = await uploadFile(withToken, bytes, {
  parentFolder: 'root',
  fileName: 'runtime.bin',
  partSize: 5 * MiB,
}).done;
const download = await downloadFile(withToken, uploaded.fileId, {
  containerId: uploaded.containerId as string,
  sha256: uploaded.sha256,
});
let downloadedBytes = 0;
for await (const chunk of download.stream as unknown as AsyncIterable<Uint8Array>) downloadedBytes += chunk.byteLength;

console.log(
  JSON.stringify({
    runtime,
    cryptoKind: defaultSigner.cryptoKind,
    tokenRows: firstPage.data?.length,
    appRows,
    created: created.data?.ownerId,
    missingSpaceCode: error instanceof KooDriveApiError ? error.code : undefined,
    aborted,
    webCryptoAgrees,
    uploadedParts: uploaded.partsUploaded,
    downloadedBytes,
  }),
);
