// THE allow-list: the only (method, path) pairs the bot may send to a Docker Engine. The guard
// (guard.ts) checks every request against it before a byte leaves the process; the test
// harness's socket recorder checks every request it saw against it again; docs/connecting.md
// lists exactly these endpoints. Anything not here — any non-GET, `/archive`, `/export`,
// `/exec`, `/attach`, `/stats`, an events stream without an end — is refused.

export interface AllowOptions {
  /** `GET /containers/{id}/logs` is allowed only when showing logs is enabled (COACH_SHOW_LOGS). */
  logs: boolean;
  /** Clock for the events `until` check (ms since the epoch). */
  now?: () => number;
}

export interface Endpoint {
  method: 'GET';
  /** As written in the Engine API docs, e.g. `/containers/{id}/json`. */
  path: string;
  /** Query parameters that may appear; any other is refused. */
  params: readonly string[];
  /** What it is used for, and the extra conditions (shown in docs/connecting.md). */
  note: string;
  /** Only when logs are enabled. */
  logsOnly?: boolean;
  /** Extra conditions on the query; returns why it is refused, or null. */
  check?: (q: URLSearchParams, now: number) => string | null;
}

/** The longest `until` we accept past now: an end in the future would make the events call a stream. */
export const EVENTS_MAX_FUTURE_S = 10;
export const LOGS_MAX_TAIL = 50;

export const ENDPOINTS: readonly Endpoint[] = [
  { method: 'GET', path: '/_ping', params: [], note: 'is the engine there' },
  { method: 'GET', path: '/version', params: [], note: 'engine version' },
  { method: 'GET', path: '/info', params: [], note: 'engine summary' },
  { method: 'GET', path: '/containers/json', params: ['all', 'filters', 'limit'], note: 'list containers' },
  { method: 'GET', path: '/containers/{id}/json', params: [], note: 'inspect one container' },
  { method: 'GET', path: '/images/json', params: ['all', 'filters', 'digests'], note: 'list images' },
  { method: 'GET', path: '/images/{ref}/json', params: [], note: 'inspect one image' },
  {
    method: 'GET',
    path: '/events',
    params: ['since', 'until', 'filters'],
    note: `recent events; only with both \`since\` and \`until\` (at most ${EVENTS_MAX_FUTURE_S} s ahead), so it returns and closes instead of streaming`,
    check: checkEvents,
  },
  {
    method: 'GET',
    path: '/containers/{id}/logs',
    params: ['tail', 'stdout', 'stderr', 'timestamps', 'follow'],
    note: `last lines of a container's log; only with \`tail\` ≤ ${LOGS_MAX_TAIL}, never \`follow\`, and only when COACH_SHOW_LOGS=true`,
    logsOnly: true,
    check: checkLogs,
  },
];

export type Verdict = { ok: true; endpoint: Endpoint } | { ok: false; reason: string };

/** A container id or name: `[a-zA-Z0-9][a-zA-Z0-9_.-]*`. */
const ID = '[A-Za-z0-9][A-Za-z0-9_.-]*';
/** An image reference or id: may hold `/`, `:`, `@` (`registry:5000/team/app:1.2@sha256:…`). */
const REF = '[A-Za-z0-9][A-Za-z0-9_.:@/-]*';
const VERSION_PREFIX = /^\/v1\.\d{1,2}(?=\/)/;

const COMPILED = ENDPOINTS.map((e) => ({
  endpoint: e,
  re: new RegExp(`^${e.path.replace(/[.]/g, '\\.').replace('{id}', ID).replace('{ref}', REF)}$`),
}));

/** Checks one request as it would go on the wire: method and path with its query string. */
export function checkRequest(method: string, pathAndQuery: string, opts: AllowOptions): Verdict {
  if (method.toUpperCase() !== 'GET') return { ok: false, reason: `method ${method} is not allowed (read-only: GET only)` };
  if (typeof pathAndQuery !== 'string' || !pathAndQuery.startsWith('/')) return { ok: false, reason: 'not an absolute path' };
  // Anything that could be decoded or normalised into another path is refused outright.
  // eslint-disable-next-line no-control-regex -- refusing control characters in the path is the point
  if (/[%#\\\s\u0000-\u001f\u007f]/.test(pathAndQuery.split('?')[0] ?? ''))
    return { ok: false, reason: 'encoded or unusual characters in the path' };
  const qAt = pathAndQuery.indexOf('?');
  const rawPath = qAt === -1 ? pathAndQuery : pathAndQuery.slice(0, qAt);
  const query = new URLSearchParams(qAt === -1 ? '' : pathAndQuery.slice(qAt + 1));
  const path = rawPath.replace(VERSION_PREFIX, '');
  if (path.split('/').some((seg, i) => i > 0 && (seg === '' || seg === '.' || seg === '..')))
    return { ok: false, reason: 'empty, `.` or `..` path segment' };
  const hit = COMPILED.find((c) => c.re.test(path));
  if (!hit) return { ok: false, reason: `${path} is not on the allow-list` };
  const e = hit.endpoint;
  if (e.logsOnly && !opts.logs) return { ok: false, reason: 'container logs are disabled (COACH_SHOW_LOGS is not true)' };
  for (const key of query.keys()) {
    if (!e.params.includes(key)) return { ok: false, reason: `query parameter \`${key}\` is not allowed on ${e.path}` };
  }
  const why = e.check?.(query, (opts.now ?? Date.now)());
  if (why) return { ok: false, reason: why };
  return { ok: true, endpoint: e };
}

function checkEvents(q: URLSearchParams, nowMs: number): string | null {
  const since = q.get('since');
  const until = q.get('until');
  if (since === null || until === null) return 'events only with both `since` and `until` (without an end it is a stream)';
  if (q.getAll('until').length > 1 || q.getAll('since').length > 1) return 'events: `since`/`until` given twice';
  const u = Number(until);
  if (!/^\d+(\.\d+)?$/.test(until) || !Number.isFinite(u)) return 'events: `until` must be a unix timestamp';
  if (u > nowMs / 1000 + EVENTS_MAX_FUTURE_S) return 'events: `until` is in the future (that would stream until then)';
  return null;
}

/** The engine reads a boolean query value as false only for these (httputils.BoolValue). */
const FALSE_VALUES = new Set(['', '0', 'false', 'no', 'none']);

function checkLogs(q: URLSearchParams): string | null {
  for (const f of q.getAll('follow')) if (!FALSE_VALUES.has(f.toLowerCase())) return 'logs: `follow` is not allowed';
  const tails = q.getAll('tail');
  if (tails.length !== 1 || !/^\d{1,2}$/.test(tails[0] ?? '') || Number(tails[0]) > LOGS_MAX_TAIL)
    return `logs: \`tail\` is required and must be at most ${LOGS_MAX_TAIL}`;
  return null;
}

/** The allowed endpoints as markdown list items: docs/connecting.md shows exactly these (a test checks). */
export function allowedEndpointLines(): string[] {
  return ENDPOINTS.map((e) => `- \`${e.method} ${e.path}\`${e.params.length ? ` (query: ${e.params.join(', ')})` : ''} — ${e.note}`);
}
