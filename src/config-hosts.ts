// The named Docker engines (COACH_HOSTS) and which chat channels may see each one
// (COACH_HOST_CHANNELS), parsed from values config.ts hands over: this file reads no
// environment itself. Without COACH_HOSTS, today's single-host settings (DOCKER_HOST,
// DOCKER_CONTEXT, COACH_ENGINE_TIMEOUT_MS…) become one host called `default`.
//
//   COACH_HOSTS="dev=unix:///var/run/docker.sock, staging=tcp://10.0.0.5:2376, ci=ssh://deploy@ci-1, prod=prod-ctx"
//   COACH_DEFAULT_HOST=staging                         (default: the first)
//   COACH_HOST_CHANNELS="staging=C0123,C0456; dev=112233445566778899; ci=*"
//   COACH_HOST_<NAME>_TLS_VERIFY=1  COACH_HOST_<NAME>_CERT_PATH=/certs/<name>  COACH_HOST_<NAME>_TIMEOUT_MS=5000
import { z } from 'zod';
import { redactUrlCredentials } from './host/redact.ts';
import { SINGLE_HOST_SETTINGS, type SettingNames } from './host/unreachable.ts';

export interface HostSetting {
  /** Lower-case name people use: `--host staging`, "why web on staging". */
  name: string;
  /** `unix://`, `tcp://`, `ssh://` (or `npipe://`) address; absent for a docker context. */
  dockerHost?: string;
  /** A docker context name (read from the docker CLI's config directory). */
  dockerContext?: string;
  tlsVerify?: string;
  certPath?: string;
  timeoutMs: number;
  /** Channel ids (Slack and Discord) bound to this host; null: no binding (the platform's own lists decide). */
  channels: string[] | null;
  default: boolean;
  /** Where it is, safe to print (credentials and query values redacted). */
  url: string;
}

export interface HostInputs {
  COACH_HOSTS?: string;
  COACH_DEFAULT_HOST?: string;
  COACH_HOST_CHANNELS?: string;
  DOCKER_HOST?: string;
  DOCKER_TLS_VERIFY?: string;
  DOCKER_CERT_PATH?: string;
  DOCKER_CONTEXT?: string;
  COACH_ENGINE_TIMEOUT_MS: number;
  /** Every COACH_HOST_<NAME>_<SETTING> variable that is set. */
  perHost: Record<string, string>;
}

export const HOST_NAME = /^[a-z][a-z0-9-]{0,31}$/;
const CONTEXT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.+-]{0,99}$/;
const CHANNEL_ID = /^([A-Z0-9]{2,30}|\d{5,25}|\*)$/;
/** Per-host settings: COACH_HOST_STAGING_CERT_PATH (the name upper-cased, `-` as `_`). */
export const PER_HOST_KEY = /^COACH_HOST_([A-Z0-9_]+)_(TLS_VERIFY|CERT_PATH|TIMEOUT_MS)$/;

const timeout = z.coerce.number().int().min(100).max(60_000);

/** `tcp://admin:pw@h:2376?token=x` → `tcp://admin:[redacted]@h:2376?token=[redacted]`: safe to print anywhere. */
export function redactHostUrl(url: string): string {
  return redactUrlCredentials(url)
    .replace(/\b(tcp|https?):\/\/[^/@\s:,;]+@/gi, '$1://[redacted]@')
    .replace(/([?&][^=&#\s,;]+=)[^&#\s,;]*/g, '$1[redacted]');
}

export function envKeyFor(name: string): string {
  return name.toUpperCase().replace(/-/g, '_');
}

/**
 * The bound on one whole host question (a diagnosis is up to three rounds of engine calls, each
 * under its host's limit): from the longest per-host limit, so no host is cut short before its own.
 */
export function hostQueryDeadlineMs(hosts: readonly Pick<HostSetting, 'timeoutMs'>[], fallbackMs: number): number {
  return Math.max(fallbackMs, ...hosts.map((h) => h.timeoutMs)) * 3 + 1000;
}

/** Which settings configure this host (named in the fixes of its findings): per-host ones with COACH_HOSTS. */
export function settingNamesFor(name: string, named: boolean): SettingNames {
  if (!named) return SINGLE_HOST_SETTINGS;
  const key = (s: string) => `COACH_HOST_${envKeyFor(name)}_${s}`;
  return { timeout: key('TIMEOUT_MS'), tlsVerify: key('TLS_VERIFY'), certPath: key('CERT_PATH') };
}

/** Parses the host settings; every problem goes into `problems` (naming the bad entry, secrets redacted). */
export function parseHosts(i: HostInputs, problems: string[]): HostSetting[] {
  const hosts = i.COACH_HOSTS ? namedHosts(i, problems) : [legacyHost(i)];
  checkPerHostKeys(i.perHost, hosts, problems);
  pickDefault(hosts, i.COACH_DEFAULT_HOST, problems);
  bindChannels(hosts, i.COACH_HOST_CHANNELS, problems);
  return hosts;
}

function legacyHost(i: HostInputs): HostSetting {
  return {
    name: 'default',
    ...(i.DOCKER_HOST ? { dockerHost: i.DOCKER_HOST } : {}),
    ...(i.DOCKER_CONTEXT ? { dockerContext: i.DOCKER_CONTEXT } : {}),
    ...(i.DOCKER_TLS_VERIFY ? { tlsVerify: i.DOCKER_TLS_VERIFY } : {}),
    ...(i.DOCKER_CERT_PATH ? { certPath: i.DOCKER_CERT_PATH } : {}),
    timeoutMs: i.COACH_ENGINE_TIMEOUT_MS,
    channels: null,
    default: true,
    url: redactHostUrl(i.DOCKER_HOST ?? (i.DOCKER_CONTEXT ? `context:${i.DOCKER_CONTEXT}` : 'auto')),
  };
}

function namedHosts(i: HostInputs, problems: string[]): HostSetting[] {
  const hosts: HostSetting[] = [];
  const entries = (i.COACH_HOSTS ?? '').split(/[,;\s]+/).filter((e) => e.length > 0);
  for (const entry of entries) {
    const shown = redactHostUrl(entry);
    const eq = entry.indexOf('=');
    const name = eq === -1 ? '' : entry.slice(0, eq).trim();
    const where = eq === -1 ? '' : entry.slice(eq + 1).trim();
    const bad = (why: string) => problems.push(`COACH_HOSTS: entry "${shown}": ${why}`);
    if (eq === -1) {
      bad('must be NAME=ADDRESS (e.g. staging=tcp://10.0.0.5:2376 or dev=my-docker-context)');
      continue;
    }
    if (!HOST_NAME.test(name)) {
      bad('the name must be lower-case letters, digits and "-", starting with a letter (at most 32)');
      continue;
    }
    if (hosts.some((h) => h.name === name)) {
      bad(`the name "${name}" is used twice`);
      continue;
    }
    const address = parseAddress(where);
    if ('error' in address) {
      bad(address.error);
      continue;
    }
    hosts.push({ name, ...address, ...perHostSettings(name, i, problems), channels: null, default: false, url: redactHostUrl(where) });
  }
  if (entries.length === 0) problems.push('COACH_HOSTS: lists no host');
  return hosts;
}

function parseAddress(where: string): { dockerHost: string } | { dockerContext: string } | { error: string } {
  const scheme = /^([a-z]+):\/\//i.exec(where)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    if (CONTEXT_NAME.test(where)) return { dockerContext: where };
    return { error: 'the address must be unix:///path, tcp://HOST:PORT, ssh://[USER@]HOST or a docker context name' };
  }
  if (scheme === 'unix' || scheme === 'npipe')
    return where.length > `${scheme}://`.length + 1 ? { dockerHost: where } : { error: `${scheme}:// needs a path` };
  if (scheme !== 'tcp' && scheme !== 'ssh')
    return { error: `"${scheme}://" is not a Docker address (use unix://, tcp://, ssh:// or a context name)` };
  let url: URL;
  try {
    url = new URL(where);
  } catch {
    return { error: 'not a valid URL' };
  }
  if (!url.hostname) return { error: `${scheme}:// needs a host name` };
  if (scheme === 'tcp' && !url.port) return { error: 'tcp:// needs a port (2375 plain, 2376 TLS)' };
  return { dockerHost: where };
}

function perHostSettings(name: string, i: HostInputs, problems: string[]): Pick<HostSetting, 'tlsVerify' | 'certPath' | 'timeoutMs'> {
  const key = (s: string) => `COACH_HOST_${envKeyFor(name)}_${s}`;
  const tlsVerify = i.perHost[key('TLS_VERIFY')];
  const certPath = i.perHost[key('CERT_PATH')];
  const rawTimeout = i.perHost[key('TIMEOUT_MS')];
  let timeoutMs = i.COACH_ENGINE_TIMEOUT_MS;
  if (rawTimeout !== undefined) {
    const t = timeout.safeParse(rawTimeout);
    if (t.success) timeoutMs = t.data;
    else problems.push(`${key('TIMEOUT_MS')}: must be a whole number of milliseconds from 100 to 60000 (got "${rawTimeout}")`);
  }
  return { ...(tlsVerify ? { tlsVerify } : {}), ...(certPath ? { certPath } : {}), timeoutMs };
}

function checkPerHostKeys(perHost: Record<string, string>, hosts: HostSetting[], problems: string[]): void {
  const known = new Set(hosts.map((h) => envKeyFor(h.name)));
  for (const k of Object.keys(perHost)) {
    const m = PER_HOST_KEY.exec(k);
    if (m && !known.has(m[1] ?? ''))
      problems.push(`${k}: no host called "${(m[1] ?? '').toLowerCase().replace(/_/g, '-')}" in COACH_HOSTS`);
  }
}

function pickDefault(hosts: HostSetting[], wanted: string | undefined, problems: string[]): void {
  const chosen = wanted ? hosts.find((h) => h.name === wanted) : hosts[0];
  if (wanted && !chosen) problems.push(`COACH_DEFAULT_HOST: no host called "${wanted}" (hosts: ${names(hosts)})`);
  const d = chosen ?? hosts[0];
  if (d) d.default = true;
  // The default first: it is the one asked when nobody names a host.
  hosts.sort((a, b) => Number(b.default) - Number(a.default));
}

function bindChannels(hosts: HostSetting[], raw: string | undefined, problems: string[]): void {
  if (!raw) return;
  for (const part of raw
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p.length > 0)) {
    const eq = part.indexOf('=');
    const name = eq === -1 ? part : part.slice(0, eq).trim();
    const host = hosts.find((h) => h.name === name);
    const bad = (why: string) => problems.push(`COACH_HOST_CHANNELS: entry "${part}": ${why}`);
    if (eq === -1) {
      bad('must be HOST=CHANNEL_ID,CHANNEL_ID (hosts separated by ";")');
      continue;
    }
    if (!host) {
      bad(`no host called "${name}" (hosts: ${names(hosts)})`);
      continue;
    }
    const ids = part
      .slice(eq + 1)
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    const wrong = ids.filter((id) => !CHANNEL_ID.test(id));
    if (ids.length === 0) bad('lists no channel id');
    else if (wrong.length > 0) bad(`not a Slack or Discord channel id: ${wrong.join(', ')}`);
    else host.channels = [...new Set([...(host.channels ?? []), ...ids])];
  }
}

function names(hosts: HostSetting[]): string {
  return hosts.map((h) => h.name).join(', ') || 'none';
}
