// What `coach proxy` is allowed to do, in one place: where it listens, the engine socket behind
// it, and every limit. Built from the validated configuration (config.ts) by proxyOptions();
// tests build it directly.
import type { Config } from '../config.ts';

export type Listen = { kind: 'tcp'; host: string; port: number } | { kind: 'unix'; path: string };

export interface ProxyOptions {
  listen: Listen;
  /** The engine's unix socket. */
  upstreamSocket: string;
  /** `GET /containers/{id}/logs` (bounded by the allow-list) only when the bot may show logs. */
  logs: boolean;
  /** Largest engine response body passed on (JSON, logs; events in total); beyond it: cut, 502. */
  maxBodyBytes: number;
  /** Longest single event line. */
  maxEventLineBytes: number;
  /** Engine requests at a time; more wait in a short queue. */
  maxConcurrent: number;
  /** Requests waiting for a slot; beyond that, 503 at once. */
  maxQueued: number;
  /** Time limit for one request to the engine, queueing included. */
  timeoutMs: number;
  /** Oldest `since` passed on for events, seconds before now (older ones are moved up). */
  eventsWindowS: number;
  /** Longest request line path + query. */
  maxUrlBytes: number;
  /** All request headers together. */
  maxHeaderBytes: number;
  /** Client connections at a time. */
  maxConnections: number;
  /** Clock, ms since the epoch (tests pin it). */
  now: () => number;
}

/** The bot looks back one hour (EVENTS_WINDOW_S in src/host/snapshot.ts; a test keeps them in step). */
export const EVENTS_WINDOW_S = 3600;

export const DEFAULTS: Omit<ProxyOptions, 'listen' | 'upstreamSocket' | 'logs'> = {
  maxBodyBytes: 4 * 1024 * 1024,
  maxEventLineBytes: 256 * 1024,
  maxConcurrent: 4,
  maxQueued: 32,
  timeoutMs: 10_000,
  eventsWindowS: EVENTS_WINDOW_S,
  maxUrlBytes: 4096,
  maxHeaderBytes: 8192,
  maxConnections: 64,
  now: Date.now,
};

/** `2375`, `0.0.0.0:2375`, `tcp://[::1]:2375`, `unix:///run/coach/docker.sock`. */
export function parseListen(value: string): Listen {
  if (value.startsWith('unix://')) return { kind: 'unix', path: value.slice('unix://'.length) };
  const v = value.replace(/^tcp:\/\//, '');
  const at = v.lastIndexOf(':');
  const host = at === -1 ? '0.0.0.0' : v.slice(0, at).replace(/^\[(.*)\]$/, '$1');
  const port = Number(at === -1 ? v : v.slice(at + 1));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port: ${value}`);
  return { kind: 'tcp', host, port };
}

export function proxyOptions(c: Config): ProxyOptions {
  return {
    ...DEFAULTS,
    listen: parseListen(c.COACH_PROXY_LISTEN),
    upstreamSocket: c.COACH_PROXY_UPSTREAM.slice('unix://'.length),
    logs: c.COACH_SHOW_LOGS,
    maxBodyBytes: c.COACH_PROXY_MAX_BODY_BYTES,
    maxEventLineBytes: Math.min(DEFAULTS.maxEventLineBytes, c.COACH_PROXY_MAX_BODY_BYTES),
    maxConcurrent: c.COACH_PROXY_MAX_CONCURRENT,
    timeoutMs: c.COACH_PROXY_TIMEOUT_MS,
  };
}
