// Which requests reach the engine, decided before a byte is sent to it. The allow-list is the
// bot's own (src/host/allowlist.ts): the proxy passes exactly the GETs the bot itself makes.
// On top of it: no request body, a bounded URL, and an events window the engine closes at once
// (`until` never later than now, `since` at most the window back). What is forwarded is the
// query as it was checked, re-serialised, so the engine cannot read it differently.
import { checkRequest } from '../host/allowlist.ts';
import type { ProxyOptions } from './options.ts';

/** How the response body is filtered (filter-json.ts, filter-events.ts, filter-logs.ts). */
export type BodyKind = 'containerList' | 'containerInspect' | 'imageList' | 'imageInspect' | 'events' | 'logs' | 'other';

export type Admission = { ok: true; path: string; kind: BodyKind } | { ok: false; status: number; reason: string };

export interface IncomingRequestLine {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

const KIND_BY_ENDPOINT: Record<string, BodyKind> = {
  '/containers/json': 'containerList',
  '/containers/{id}/json': 'containerInspect',
  '/images/json': 'imageList',
  '/images/{ref}/json': 'imageInspect',
  '/events': 'events',
  '/containers/{id}/logs': 'logs',
};

const refuse = (status: number, reason: string): Admission => ({ ok: false, status, reason });

export function admit(req: IncomingRequestLine, opts: Pick<ProxyOptions, 'logs' | 'now' | 'maxUrlBytes' | 'eventsWindowS'>): Admission {
  if (Buffer.byteLength(req.url) > opts.maxUrlBytes) return refuse(414, 'the request URL is too long');
  if (hasBody(req.headers)) return refuse(403, 'requests with a body are never allowed');
  const now = opts.now();
  const verdict = checkRequest(req.method, req.url, { logs: opts.logs, now: () => now });
  if (!verdict.ok) return refuse(403, verdict.reason);
  const qAt = req.url.indexOf('?');
  const path = qAt === -1 ? req.url : req.url.slice(0, qAt);
  const query = new URLSearchParams(qAt === -1 ? '' : req.url.slice(qAt + 1));
  const kind = KIND_BY_ENDPOINT[verdict.endpoint.path] ?? 'other';
  if (kind === 'events') {
    const why = boundEvents(query, now / 1000, opts.eventsWindowS);
    if (why) return refuse(403, why);
  }
  return { ok: true, path: withQuery(path, query), kind };
}

function hasBody(headers: IncomingRequestLine['headers']): boolean {
  const length = headers['content-length'];
  if (length !== undefined && length !== '0') return true;
  return headers['transfer-encoding'] !== undefined;
}

/**
 * The allow-list already requires both ends and refuses an `until` more than a few seconds
 * ahead; here `until` is moved back to now (the engine would hold the call open until then)
 * and `since` up to the window (the bot never looks further back).
 */
function boundEvents(q: URLSearchParams, nowS: number, windowS: number): string | null {
  const since = q.get('since') ?? '';
  if (!/^\d{1,12}(\.\d{1,9})?$/.test(since)) return 'events: `since` must be a unix timestamp';
  const until = Math.min(Number(q.get('until')), nowS);
  const earliest = Math.floor(nowS) - windowS;
  q.set('since', String(Math.max(Math.floor(Number(since)), earliest)));
  q.set('until', until.toFixed(3));
  return null;
}

function withQuery(path: string, q: URLSearchParams): string {
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
