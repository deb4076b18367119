/**
 * MSW handlers that answer KooDrive requests in-process with the same mock KooDrive the HTTP
 * server runs: same checks, same data, same fixtures. No node: imports, so they work in browsers.
 *
 *   const { handlers, mock } = createKooDriveHandlers({ baseUrl });
 *   const server = setupServer(...handlers);
 *
 * `kooDriveHttp(baseUrl)` gives openapi-msw's typed `http` for overriding one operation in a test.
 */
import { operationIndex, type paths } from '@koodrive/types';
import { http, type RequestHandler } from 'msw';
import { createOpenApiHttp } from 'openapi-msw';
import { createMockKooDrive, type MockKooDrive, type MockKooDriveOptions } from '../mock/mock-koodrive.js';
import { STORAGE_PREFIX } from '../mock/storage/storage.js';

const INTL = 'https://intl.myhuaweicloud-koodrive.com';

/** Options of createKooDriveHandlers: the mock's own, and the base URL the client calls. */
export interface KooDriveHandlersOptions extends MockKooDriveOptions {
  /** The base URL the client calls; default the international endpoint. */
  baseUrl?: string;
}

/** openapi-msw's `http`, typed with KooDrive's paths: `kooDriveHttp().get('/koodrive/ose/v1/space/usage/quota', …)`. */
export const kooDriveHttp = (baseUrl: string = INTL) => createOpenApiHttp<paths>({ baseUrl });

const toMswPath = (template: string) => template.replace(/\{([^}]+)\}/g, ':$1');

/**
 * MSW request handlers that serve the mock KooDrive in-process (Node or a browser's service worker):
 * one handler per operation of the spec, all answered by one mock whose data and requests it returns.
 */
export function createKooDriveHandlers(options: KooDriveHandlersOptions = {}): {
  handlers: RequestHandler[];
  mock: MockKooDrive;
} {
  const { baseUrl = INTL, ...mockOptions } = options;
  const mock = createMockKooDrive(mockOptions);
  const root = baseUrl.replace(/\/$/, '');
  const handlers = Object.values(operationIndex).map(({ method, path }) =>
    http[method.toLowerCase() as Lowercase<typeof method>](`${root}${toMswPath(path)}`, ({ request }) =>
      mock.handle(request),
    ),
  );
  // The mock's object storage, where createFile's, uploadUrl's and getDownLoadUrl's URLs point.
  handlers.push(http.all(`${root}${STORAGE_PREFIX}*`, ({ request }) => mock.handle(request)));
  return { handlers, mock };
}
