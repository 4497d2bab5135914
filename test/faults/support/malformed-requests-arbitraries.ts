/**
 * fast-check generators of malformed requests for one route, and the oracle that keeps only requests the
 * route must refuse. Malformations: wrong types, huge strings, MongoDB `$` operators in JSON bodies and query
 * strings, bad addresses, truncated JSON, wrong content types, bad path parameters (bad percent-encoding too),
 * and, for routes that take no input, a path with a garbage segment (the only way such a route's request can
 * be malformed). The oracle parses a request the way Express does (JSON body, the `simple` query parser,
 * decoded path parameters) and asks the route's own zod description whether it would pass: a request that
 * would pass is not malformed and is dropped.
 */
import { parse as parseQuery } from 'node:querystring';
import fc from 'fast-check';
import type { DrillRoute } from './malformed-requests-routes';

export interface MalformedRequest {
  method: string;
  /** Path and query string, already encoded. */
  url: string;
  contentType?: string;
  body?: string;
  /** What is wrong with it, for the failure message. */
  malformation: string;
}

/** Node's HTTP parser refuses request heads over 16 kB (431, before the app): URL strings stay under it, encoded. */
const MAX_URL_STRING = 2_000;
/** Bodies go past the API's 100 kB JSON limit and /rpc's 128 kB, up to a few MB once encoded (\u0000 is 6 bytes of JSON). */
const MAX_BODY_STRING = 1_000_000;

const operator = fc.constantFrom<Record<string, unknown>>(
  { $gt: '' },
  { $ne: null },
  { $ne: 'x' },
  { $where: 'sleep(100) || true' },
  { $regex: '.*' },
  { $in: [] },
  { $expr: { $eq: [1, 1] } },
);
const badAddress = fc.oneof(
  fc.constant('0x123'),
  fc.constant('0xZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ'),
  fc.constant(`0x${'a'.repeat(41)}`),
  fc.constant('not-an-address'),
  fc.constant('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD'), // wrong checksum
  fc.stringMatching(/^0x[0-9a-fA-F]{0,39}$/),
);
const hugeString = (max: number, units = ['A', '💥', '$', '\u0000', '%', '{']) =>
  fc
    .tuple(fc.integer({ min: Math.min(1_000, max), max }), fc.constantFrom(...units))
    .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)));
const oddString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '$ne',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '\u0000',
    'null',
    '-1',
    '1e309',
    'NaN',
  ),
);
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);
/** A bad value for a JSON field. */
const badJsonValue = (maxString: number) => fc.oneof(operator, badAddress, wrongType, oddString, hugeString(maxString));
/** A bad value for a path or query parameter (strings only: it travels in the URL). */
const badUrlValue = fc.oneof(
  badAddress,
  oddString,
  hugeString(MAX_URL_STRING, ['A', '$']),
  operator.map((op) => JSON.stringify(op)),
);
/** Percent-encoding no decoder accepts. */
const brokenEncoding = fc.constantFrom('%E0%A4%A', '%', '%zz', '%C0%AF', 'a%2');

const wrongContentType = fc.constantFrom(
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=drill',
  'application/xml',
  // body-parser decodes only UTF-8/16/32 JSON (utf-7 it would decode: it is no malformation).
  'application/json; charset=latin1',
  'application/octet-stream',
);

/** `name[$ne]=x`, `name=a&name=b`, `name=<bad>`: the ways a query string carries what a string field is not. */
function badQuery(route: DrillRoute): fc.Arbitrary<{ query: string; malformation: string }> {
  const names = route.queryParams.length > 0 ? route.queryParams : ['name'];
  return fc
    .tuple(fc.constantFrom(...names), fc.nat(3), badUrlValue, fc.constantFrom('$ne', '$gt', '$regex', '$where'))
    .map(([name, kind, value, op]) => {
      const e = encodeURIComponent;
      if (kind === 0) return { query: `${e(name)}[${op}]=x`, malformation: `query ${name}[${op}]` };
      if (kind === 1)
        return { query: `${e(name)}=${e(value)}&${e(name)}=${e(value)}`, malformation: `query ${name} twice` };
      if (kind === 2) return { query: `${e(name)}=${e(value)}`, malformation: `query ${name} = bad value` };
      return { query: `${e(name)}=${brokenEncodingSample}`, malformation: `query ${name} badly percent-encoded` };
    });
}
const brokenEncodingSample = '%E0%A4%A';

function pathWith(route: DrillRoute, values: Record<string, string>): string {
  return route.path.replace(/:(\w+)/g, (_match, name: string) => values[name] ?? 'x');
}

/** A plausible path for the route (addresses where it names accounts), for malformations elsewhere. */
const plausible = (name: string) =>
  /address|patient|doctor|recipient/.test(name)
    ? '0x000000000000000000000000000000000000dEaD'
    : name === 'id'
      ? '1'
      : name === 'cid'
        ? 'QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o'
        : 'x';

function basePath(route: DrillRoute): string {
  return pathWith(route, Object.fromEntries(route.pathParams.map((name) => [name, plausible(name)])));
}

function badBody(route: DrillRoute): fc.Arbitrary<Pick<MalformedRequest, 'body' | 'contentType' | 'malformation'>> {
  const fields = route.bodyFields.length > 0 ? route.bodyFields : ['message', 'text'];
  const objectWithBadField = fc
    .tuple(
      fc.constantFrom(...fields),
      badJsonValue(MAX_BODY_STRING),
      fc.dictionary(fc.constantFrom(...fields), badJsonValue(200), { maxKeys: 3 }),
    )
    .map(([field, value, others]) => ({
      body: JSON.stringify({ ...others, [field]: value }),
      contentType: 'application/json',
      malformation: `body.${field} wrong`,
    }));
  const wrongTopLevel = badJsonValue(MAX_BODY_STRING).map((value) => ({
    body: JSON.stringify(value),
    contentType: 'application/json',
    malformation: 'body of the wrong type',
  }));
  const truncated = fc
    .tuple(fc.dictionary(fc.constantFrom(...fields), fc.string({ maxLength: 20 }), { minKeys: 1 }), fc.nat())
    .map(([object, cut]) => {
      const text = JSON.stringify(object);
      return {
        body: text.slice(0, 1 + (cut % (text.length - 1))),
        contentType: 'application/json',
        malformation: 'truncated JSON',
      };
    });
  const wrongType = fc
    .tuple(
      wrongContentType,
      fc.dictionary(fc.constantFrom(...fields), fc.oneof(operator, fc.string({ maxLength: 20 })), { minKeys: 1 }),
    )
    .map(([contentType, object]) => ({
      body: contentType.startsWith('application/x-www')
        ? Object.keys(object)
            .map((k) => `${k}[$ne]=x`)
            .join('&')
        : JSON.stringify(object),
      contentType,
      malformation: `content-type ${contentType}`,
    }));
  return fc.oneof(objectWithBadField, wrongTopLevel, truncated, wrongType);
}

/** JSON-RPC bodies /rpc must answer with errors: bad envelopes, refused methods, garbage params, broken JSON. */
const badRpcBody: fc.Arbitrary<Pick<MalformedRequest, 'body' | 'contentType' | 'malformation'>> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(
        'eth_sendTransaction',
        'eth_accounts',
        'personal_unlockAccount',
        'evm_mine',
        'evm_setAccountBalance',
        'debug_traceTransaction',
        'miner_start',
        'ganache_setBalance',
        'eth_sign',
      ),
      fc.array(badJsonValue(200), { maxLength: 3 }),
    )
    .map(([method, params]) => ({
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
      contentType: 'application/json',
      malformation: `refused method ${method}`,
    })),
  fc
    .tuple(
      fc.constantFrom(
        'eth_sendRawTransaction',
        'eth_getBalance',
        'eth_call',
        'eth_getLogs',
        'eth_getTransactionReceipt',
        'eth_getCode',
      ),
      fc.oneof(
        fc.array(fc.oneof(operator, badAddress, wrongType, hugeString(50_000)), { minLength: 1, maxLength: 3 }),
        operator,
      ),
    )
    .map(([method, params]) => ({
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
      contentType: 'application/json',
      malformation: `${method} with garbage params`,
    })),
  fc
    .tuple(fc.oneof(fc.constant('1.0'), wrongType), fc.oneof(wrongType, operator, fc.constant('')))
    .map(([jsonrpc, method]) => ({
      body: JSON.stringify({ jsonrpc, id: 1, method }),
      contentType: 'application/json',
      malformation: 'bad JSON-RPC envelope',
    })),
  badJsonValue(MAX_BODY_STRING).map((value) => ({
    body: JSON.stringify(value),
    contentType: 'application/json',
    malformation: 'body of the wrong type',
  })),
  fc.nat(40).map((cut) => ({
    body: '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber"}'.slice(0, 1 + cut),
    contentType: 'application/json',
    malformation: 'truncated JSON',
  })),
  wrongContentType.map((contentType) => ({
    body: '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber"}',
    contentType,
    malformation: `content-type ${contentType}`,
  })),
);

/** The malformed requests for one route (before the oracle). */
export function malformedRequestFor(route: DrillRoute): fc.Arbitrary<MalformedRequest> {
  if (route.errorShape === 'json-rpc')
    return badRpcBody.map((body) => ({ method: route.method, url: route.path, ...body }));
  const kinds: fc.Arbitrary<MalformedRequest>[] = [];
  if (route.pathParams.length > 0) {
    kinds.push(
      fc
        .tuple(fc.constantFrom(...route.pathParams), fc.oneof(badUrlValue.map(encodeURIComponent), brokenEncoding))
        .map(([name, value]) => ({
          method: route.method,
          url: pathWith(route, {
            ...Object.fromEntries(route.pathParams.map((p) => [p, plausible(p)])),
            // An empty segment would address another route (/api/appointments/ is the list): a space instead.
            [name]: value || '%20',
          }),
          malformation: `path :${name} bad`,
        })),
    );
  }
  if (route.schemas.query) {
    kinds.push(
      badQuery(route).map(({ query, malformation }) => ({
        method: route.method,
        url: `${basePath(route)}?${query}`,
        malformation,
      })),
    );
  }
  if (route.schemas.body || route.takesRawBody) {
    kinds.push(badBody(route).map((body) => ({ method: route.method, url: basePath(route), ...body })));
  }
  if (kinds.length === 0) {
    // No input at all: the only malformed request is one to a path it does not serve.
    kinds.push(
      fc.oneof(badUrlValue.map(encodeURIComponent), brokenEncoding).map((segment) => ({
        method: route.method,
        url: `${basePath(route)}/${segment || '%24'}`,
        malformation: 'garbage path segment on a route without input',
      })),
    );
  }
  return fc.oneof(...kinds);
}

/**
 * Whether the route must refuse the request: it is unparseable, or the route's zod description rejects
 * what Express would hand the handler. Requests to routes without a description (the raw-body routes,
 * /rpc, garbage paths) are malformed by construction.
 */
export function mustBeRefused(route: DrillRoute, request: MalformedRequest): boolean {
  if (route.errorShape === 'json-rpc' || route.takesRawBody) return true;
  const [path, query = ''] = request.url.split('?');
  const pattern = new RegExp(`^${route.path.replace(/:(\w+)/g, '([^/]+)')}$`);
  const match = pattern.exec(path);
  if (!match) return true; // a garbage segment: no route of that shape
  const params: Record<string, string> = {};
  try {
    route.pathParams.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1])));
  } catch {
    return true;
  }
  if (route.schemas.params && !route.schemas.params.safeParse(params).success) return true;
  if (route.schemas.query && !route.schemas.query.safeParse({ ...parseQuery(query) }).success) return true;
  if (route.schemas.body) {
    if (!request.contentType?.startsWith('application/json') || /charset=latin1/.test(request.contentType)) return true;
    let parsed: unknown;
    try {
      parsed = JSON.parse(request.body ?? '');
    } catch {
      return true;
    }
    if (!route.schemas.body.safeParse(parsed).success) return true;
  }
  return false;
}

/** A malformed request for some route: the drill's generator, as one arbitrary. */
export function malformedRequests(
  routes: readonly DrillRoute[],
): fc.Arbitrary<{ route: DrillRoute; request: MalformedRequest }> {
  // Routes that take input weigh more: a route without any only ever sees a path it does not serve (404).
  const takesInput = (route: DrillRoute) =>
    route.errorShape === 'json-rpc' || route.takesRawBody || Object.keys(route.schemas).length > 0;
  return fc
    .oneof(
      ...routes.map((route) => ({
        arbitrary: malformedRequestFor(route).map((request) => ({ route, request })),
        weight: takesInput(route) ? 4 : 1,
      })),
    )
    .filter(({ route, request }) => mustBeRefused(route, request));
}
