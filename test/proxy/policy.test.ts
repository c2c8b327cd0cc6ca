// Which requests `coach proxy` sends to the engine (src/proxy/policy.ts): exactly the bot's
// allow-list, no bodies, bounded URLs, and events windows the engine closes at once.
import { describe, expect, it } from 'vitest';
import { ENDPOINTS } from '../../src/host/allowlist.ts';
import { EVENTS_WINDOW_S as BOT_WINDOW_S } from '../../src/host/snapshot.ts';
import { DEFAULTS, EVENTS_WINDOW_S, parseListen, proxyOptions } from '../../src/proxy/options.ts';
import { admit, type Admission } from '../../src/proxy/policy.ts';
import { loadConfig } from '../../src/config.ts';

const NOW_MS = 1_800_000_000_000;
const NOW = NOW_MS / 1000;
const opts = { ...DEFAULTS, logs: false, now: () => NOW_MS };
const get = (url: string, headers: Record<string, string> = {}, o: Partial<typeof opts> = {}): Admission =>
  admit({ method: 'GET', url, headers }, { ...opts, ...o });
const sent = (a: Admission) => {
  if (!a.ok) throw new Error(`refused: ${a.reason}`);
  return a;
};
const query = (a: Admission) => new URLSearchParams(sent(a).path.split('?')[1]);

describe('coach proxy: what reaches the engine', () => {
  it('admits one concrete request for every allow-listed endpoint, and says how to filter it', () => {
    const kinds = ENDPOINTS.filter((e) => !e.logsOnly).map((e) => {
      const path = `/v1.41${e.path.replace('{id}', 'web').replace('{ref}', 'app:1')}`;
      return sent(get(e.path === '/events' ? `${path}?since=${NOW - 60}&until=${NOW}` : path)).kind;
    });
    expect(kinds).toEqual(['other', 'other', 'other', 'containerList', 'containerInspect', 'imageList', 'imageInspect', 'events']);
  });

  it('refuses with 403 everything the allow-list refuses', () => {
    for (const [method, url] of [
      ['POST', '/v1.41/containers/create'],
      ['DELETE', '/v1.41/containers/web'],
      ['HEAD', '/_ping'],
      ['GET', '/v1.41/containers/web/export'],
      ['GET', '/v1.41/secrets'],
      ['GET', '/v1.41/containers/json?size=1'],
      ['GET', '/v1.41/events'],
      ['GET', '/v1.41/containers/a%2F..%2Fb/json'],
    ] as const) {
      const a = admit({ method, url, headers: {} }, opts);
      expect(a.ok, `${method} ${url}`).toBe(false);
      if (!a.ok) expect(a.status).toBe(403);
    }
  });

  it('refuses a request with a body, even an allowed GET', () => {
    expect(get('/_ping', { 'content-length': '5' })).toMatchObject({ ok: false, status: 403 });
    expect(get('/_ping', { 'transfer-encoding': 'chunked' })).toMatchObject({ ok: false, status: 403 });
    expect(get('/_ping', { 'content-length': '0' }).ok).toBe(true);
  });

  it('refuses an overlong URL with 414', () => {
    expect(get(`/containers/json?filters=${'x'.repeat(DEFAULTS.maxUrlBytes)}`)).toMatchObject({ ok: false, status: 414 });
  });

  it('logs only when switched on, bounded and never followed', () => {
    expect(get('/containers/web/logs?tail=10').ok).toBe(false);
    const on = { logs: true };
    expect(sent(get('/containers/web/logs?tail=10&stdout=1', {}, on)).kind).toBe('logs');
    expect(get('/containers/web/logs?tail=51', {}, on).ok).toBe(false);
    expect(get('/containers/web/logs?stdout=1', {}, on).ok).toBe(false);
    expect(get('/containers/web/logs?tail=5&follow=1', {}, on).ok).toBe(false);
  });

  it('forwards the query as it was checked, re-serialised', () => {
    expect(sent(get('/containers/json?all=1&filters=%7B%22name%22%3A%5B%22web%22%5D%7D')).path).toBe(
      '/containers/json?all=1&filters=%7B%22name%22%3A%5B%22web%22%5D%7D',
    );
    expect(sent(get('/containers/json?all=1&all=0')).path).toBe('/containers/json?all=1&all=0');
  });
});

describe('coach proxy: events are bounded', () => {
  it('refuses an `until` in the future beyond the allow-list tolerance, and events without an end', () => {
    expect(get(`/events?since=${NOW - 60}&until=${NOW + 3600}`)).toMatchObject({ ok: false, status: 403 });
    expect(get(`/events?since=${NOW - 60}`)).toMatchObject({ ok: false, status: 403 });
  });

  it('moves an `until` a few seconds ahead back to now, so the engine answers at once', () => {
    expect(Number(query(get(`/events?since=${NOW - 60}&until=${NOW + 5}`)).get('until'))).toBe(NOW);
    expect(Number(query(get(`/events?since=${NOW - 60}&until=${NOW - 30}`)).get('until'))).toBe(NOW - 30);
  });

  it('moves a `since` older than the window up to it, and refuses a `since` that is not a timestamp', () => {
    expect(Number(query(get(`/events?since=0&until=${NOW}`)).get('since'))).toBe(NOW - EVENTS_WINDOW_S);
    expect(Number(query(get(`/events?since=${NOW - 100}&until=${NOW}`)).get('since'))).toBe(NOW - 100);
    expect(get(`/events?since=10m&until=${NOW}`)).toMatchObject({ ok: false, status: 403 });
  });

  it('keeps filters, and the window covers what the bot itself asks for', () => {
    expect(query(get(`/events?since=${NOW - 60}&until=${NOW}&filters=%7B%7D`)).get('filters')).toBe('{}');
    expect(EVENTS_WINDOW_S).toBeGreaterThanOrEqual(BOT_WINDOW_S);
  });
});

describe('coach proxy: settings', () => {
  it('reads where to listen and the limits from the configuration', () => {
    const o = proxyOptions(
      loadConfig({ COACH_PROXY_LISTEN: 'unix:///run/p.sock', COACH_PROXY_MAX_BODY_BYTES: '65536', COACH_SHOW_LOGS: 'true' }),
    );
    expect(o).toMatchObject({
      listen: { kind: 'unix', path: '/run/p.sock' },
      upstreamSocket: '/var/run/docker.sock',
      maxBodyBytes: 65536,
      logs: true,
    });
    expect(proxyOptions(loadConfig({})).listen).toEqual({ kind: 'tcp', host: '0.0.0.0', port: 2375 });
    expect(parseListen('tcp://[::1]:2375')).toEqual({ kind: 'tcp', host: '::1', port: 2375 });
    expect(parseListen('2380')).toEqual({ kind: 'tcp', host: '0.0.0.0', port: 2380 });
    expect(() => loadConfig({ COACH_PROXY_UPSTREAM: 'tcp://engine:2375' })).toThrow(/COACH_PROXY_UPSTREAM/);
  });
});
