// `docker ps` / `docker ps -a` / `docker compose ps` (v2) / `docker-compose ps` (v1) tables →
// the engine's own list entries (Docker.ContainerInfo), so the diagnosis rules that read a live
// engine read a paste the same way.
import type Docker from 'dockerode';
import { serviceFromName } from './compose.ts';
import { agoSeconds, cells } from './table.ts';

const STATUS =
  /^(?:Up\b|Exited \(-?\d{1,3}\)|Created\b|Restarting \(-?\d{1,3}\)|Paused\b|Dead\b|Removal In Progress\b|Exit -?\d{1,3}$|Restarting$)/;
const PORTS =
  /^(?:(?:[\d.]{7,15}|\[?::\]?|:::?)?:?\d{1,5}(?:-\d{1,5})?->\d{1,5}(?:-\d{1,5})?\/(?:tcp|udp|sctp)|\d{1,5}(?:-\d{1,5})?\/(?:tcp|udp|sctp))(?:, ?.{0,400})?$/;
const HEX_ID = /^[0-9a-f]{12,64}$/;
const PS_HEADER = /^\s*CONTAINER ID\s{2,}IMAGE\b/;
const COMPOSE_HEADER = /^\s*NAME\s{2,}IMAGE\s{2,}COMMAND\s{2,}SERVICE\b/;
const COMPOSE_V1_HEADER = /^\s*Name\s{2,}Command\s{2,}State\s{2,}Ports/;
// Compose v2 before 2.5 or so: NAME COMMAND SERVICE STATUS PORTS, the status in lower case.
const COMPOSE_EARLY_HEADER = /^\s*NAME\s{2,}COMMAND\s{2,}SERVICE\s{2,}STATUS\b/;
const EARLY_STATUS =
  /^(running|exited \((-?\d{1,3})\)|restarting(?: \((-?\d{1,3})\))?|created|paused|dead|removing)(?: \((healthy|unhealthy|health: starting|starting)\))?$/;

export type PsFormat = 'ps' | 'compose-ps' | 'compose-v1-ps';

export function psFormat(lines: string[]): PsFormat | null {
  for (const l of lines) {
    if (PS_HEADER.test(l)) return 'ps';
    if (COMPOSE_HEADER.test(l) || COMPOSE_EARLY_HEADER.test(l)) return 'compose-ps';
    if (COMPOSE_V1_HEADER.test(l)) return 'compose-v1-ps';
  }
  // No header: rows that start with a container id and carry a status are a `docker ps` body.
  return lines.some((l) => {
    const c = cells(l);
    return HEX_ID.test(c[0] ?? '') && c.some((x) => STATUS.test(x));
  })
    ? 'ps'
    : null;
}

/** The containers of a pasted table; rows it cannot read are skipped. `now` is seconds since the epoch. */
export function parsePs(lines: string[], format: PsFormat, now: number): Docker.ContainerInfo[] {
  const out: Docker.ContainerInfo[] = [];
  let n = 0;
  const early = lines.some((l) => COMPOSE_EARLY_HEADER.test(l));
  for (const line of lines) {
    if (
      PS_HEADER.test(line) ||
      COMPOSE_HEADER.test(line) ||
      COMPOSE_EARLY_HEADER.test(line) ||
      COMPOSE_V1_HEADER.test(line) ||
      /^-{5,}/.test(line.trim())
    )
      continue;
    const row = format === 'compose-v1-ps' ? composeV1Row(cells(line)) : early ? composeEarlyRow(cells(line)) : psRow(cells(line), format);
    if (!row) continue;
    n++;
    out.push(toInfo(row, now, n, format));
  }
  return out;
}

interface Row {
  id?: string;
  name: string;
  image: string;
  command?: string;
  created?: string;
  status: string;
  ports: string;
  service?: string;
}

function psRow(c: string[], format: PsFormat): Row | null {
  const si = c.findIndex((x) => STATUS.test(x));
  if (si < 1) return null;
  const status = c[si] ?? '';
  const ports = PORTS.test(c[si + 1] ?? '') && si + 1 < c.length - 1 ? (c[si + 1] ?? '') : '';
  const name = c[c.length - 1] ?? '';
  if (format === 'compose-ps') {
    // NAME IMAGE COMMAND SERVICE CREATED STATUS PORTS: the name comes first.
    const last = c[c.length - 1] ?? '';
    return {
      name: c[0] ?? '',
      image: c[1] ?? '',
      command: c[2],
      service: c[3],
      created: c[si - 1],
      status,
      ports: PORTS.test(last) && si < c.length - 1 ? last : '',
    };
  }
  if (name === status || PORTS.test(name)) return null; // NAMES column missing: unreadable row
  return {
    ...(HEX_ID.test(c[0] ?? '') ? { id: c[0] } : {}),
    image: HEX_ID.test(c[0] ?? '') ? (c[1] ?? '') : (c[0] ?? ''),
    command: c.find((x) => x.startsWith('"')),
    created: c[si - 1],
    status,
    ports,
    name,
  };
}

/** v1: Name, Command, State (`Up`, `Exit 137`), Ports. */
function composeV1Row(c: string[]): Row | null {
  const si = c.findIndex((x, i) => i > 0 && STATUS.test(x));
  if (si < 1) return null;
  const state = c[si] ?? '';
  const exit = /^Exit (-?\d{1,3})$/.exec(state);
  const status = exit ? `Exited (${exit[1]})` : state;
  return { name: c[0] ?? '', image: '', command: c.slice(1, si).join(' '), status, ports: c.slice(si + 1).join(', ') };
}

/** Early v2: NAME, COMMAND, SERVICE, STATUS (`running`, `exited (1)`, `restarting`), PORTS. */
function composeEarlyRow(c: string[]): Row | null {
  const si = c.findIndex((x, i) => i > 1 && EARLY_STATUS.test(x));
  const m = EARLY_STATUS.exec(c[si] ?? '');
  if (si < 2 || !m) return null;
  const [, state = '', exited, restarting, health] = m;
  const base = exited
    ? `Exited (${exited})`
    : state.startsWith('restarting')
      ? `Restarting (${restarting ?? '1'})`
      : state === 'running'
        ? 'Up'
        : state.charAt(0).toUpperCase() + state.slice(1);
  const status = health && base === 'Up' ? `Up (${health === 'starting' ? 'health: starting' : health})` : base;
  return {
    name: c[0] ?? '',
    image: '',
    command: c.slice(1, si - 1).join(' '),
    service: c[si - 1],
    status,
    ports: c.slice(si + 1).join(', '),
  };
}

function toInfo(r: Row, now: number, n: number, format: PsFormat): Docker.ContainerInfo {
  const ago = r.created ? agoSeconds(r.created) : null;
  const service = r.service ?? (format === 'ps' ? undefined : serviceFromName(r.name));
  const labels: Record<string, string> = service ? { 'com.docker.compose.service': service } : {};
  return {
    // A pasted row may have no id: a stable stand-in that never looks like a real one.
    Id: r.id ?? `pasted-${n}`,
    Names: [`/${r.name}`],
    Image: r.image,
    ImageID: '',
    Command: r.command?.replace(/^"|"$/g, '') ?? '',
    Created: ago === null ? now : now - ago,
    Ports: parsePorts(r.ports),
    Labels: labels,
    State: stateOf(r.status),
    Status: r.status,
    HostConfig: { NetworkMode: 'default' },
    NetworkSettings: { Networks: {} },
    Mounts: [],
  };
}

export function stateOf(status: string): string {
  if (/^Up\b.*\(Paused\)/i.test(status) || /^Paused/.test(status)) return 'paused';
  if (/^Up\b/.test(status)) return 'running';
  if (/^Exit/.test(status)) return 'exited';
  if (/^Restarting/.test(status)) return 'restarting';
  if (/^Created/.test(status)) return 'created';
  if (/^Dead/.test(status)) return 'dead';
  if (/^Removal/.test(status)) return 'removing';
  return 'unknown';
}

/** `0.0.0.0:8080->80/tcp, :::8080->80/tcp, 443/tcp` → list-entry ports. */
export function parsePorts(text: string): Docker.Port[] {
  const out: Docker.Port[] = [];
  for (const part of text.split(/,\s?/).slice(0, 50)) {
    const m = /^(?:(.{0,40}):)?(\d{1,5})->(\d{1,5})\/(tcp|udp|sctp)$/.exec(part.trim());
    if (m) {
      out.push({
        IP: (m[1] ?? '').replace(/^\[|\]$/g, '') || '0.0.0.0',
        PublicPort: Number(m[2]),
        PrivatePort: Number(m[3]),
        Type: m[4] ?? 'tcp',
      });
      continue;
    }
    const e = /^(\d{1,5})\/(tcp|udp|sctp)$/.exec(part.trim());
    if (e) out.push({ IP: '', PrivatePort: Number(e[1]), PublicPort: 0, Type: e[2] ?? 'tcp' });
  }
  return out;
}
