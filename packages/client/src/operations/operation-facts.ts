/**
 * What the client knows of an operation at run time, from the spec: route, whether repeating it
 * is harmless, the credentials it accepts, its parameters' rules and how it pages. Each generated
 * operation function carries its own facts; path-based calls look them up in the route table,
 * which is loaded on first use so that the client's entry does not grow with the spec.
 */
import type { ParameterRule } from '@koodrive/types';

/** A security scheme of the spec: `kooDriveToken`, `kooDriveAppSignature`, `kooDriveAppToken`, or your own. */
export type SecurityScheme = 'kooDriveToken' | 'kooDriveAppSignature' | 'kooDriveAppToken' | (string & {});

/** How an operation pages. */
export type PagingFacts =
  | { style: 'offset'; in: 'query' | 'body'; items: string }
  | {
      style: 'cursor';
      in: 'query' | 'body';
      /** Dotted path of the request field that takes the cursor, e.g. `pageInfo.pageCursor`. */
      cursor: string;
      pageSize?: string;
      /** The response field with the next page's cursor; absent on the last page. */
      nextCursor: string;
      items: string;
    };

/** An operation's facts, as generated from the spec. */
export interface OperationFacts {
  /** The operationId (the reference's page name). */
  readonly id: string;
  readonly method: string;
  /** The path template, e.g. `/koodrive/ose/v1/space/{ownerId}`. */
  readonly path: string;
  /** Repeating it is harmless: a GET, or a read the spec marks `x-koodrive-idempotent`. */
  readonly safe: boolean;
  /** The alternatives it accepts, in the order to prefer them; an empty one means no Authorization. */
  readonly security: readonly (readonly SecurityScheme[])[];
  readonly params?: readonly ParameterRule[];
  readonly paging?: PagingFacts;
}

type RouteTable = Record<string, OperationFacts>;
let routeTable: RouteTable | undefined;
let loading: Promise<RouteTable> | undefined;
const loadRouteTable = () => {
  loading ??= import('../generated/route-table.js').then((module) => {
    routeTable = module.routes;
    return module.routes;
  });
  return loading;
};

/** The operation that pages at a path (whatever its method), for `kd.paginate(path)`. */
export async function pagedFactsAt(path: string): Promise<OperationFacts> {
  const paged = Object.values(await loadRouteTable()).find((facts) => facts.path === path && facts.paging);
  return paged ?? { id: path, method: 'GET', path, safe: true, security: [] };
}

const lookUp = (table: RouteTable, method: string, path: string): OperationFacts =>
  table[`${method} ${path}`] ?? {
    // Not in the spec (a cast path): any credential the client holds, retried only when a GET.
    id: `${method} ${path}`,
    method,
    path,
    safe: method === 'GET',
    security: [['kooDriveToken'], ['kooDriveAppSignature'], ['kooDriveAppToken']],
  };

/**
 * The facts of the operation at a method and path template: at once once the route table is
 * loaded (its first use loads it), so that path-based calls pay no extra wait after that.
 */
export function factsForRoute(method: string, path: string): OperationFacts | Promise<OperationFacts> {
  return routeTable ? lookUp(routeTable, method, path) : loadRouteTable().then((table) => lookUp(table, method, path));
}
