// `docker events` lines → engine events. Only container events, and only the attributes the
// rules read (name, image, exitCode): a pasted exec line's command is never kept.
import type Docker from 'dockerode';
import type { EngineEvent } from '../inspector.ts';

const LINE =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})) container ([a-z_]{2,20})(?::[^\n(]{0,200})? ([0-9a-f]{12,64}) \(([^)\n]{0,2000})\)/;
const KEEP = new Set(['name', 'image', 'exitCode', 'signal']);

export function parseEvents(lines: string[]): EngineEvent[] {
  const out: EngineEvent[] = [];
  for (const line of lines) {
    const m = LINE.exec(line.trim());
    if (!m) continue;
    const [, when = '', action = '', id = '', attrs = ''] = m;
    if (action.startsWith('exec')) continue;
    const attributes: Record<string, string> = {};
    for (const pair of attrs.split(', ')) {
      const eq = pair.indexOf('=');
      const key = pair.slice(0, eq);
      if (eq > 0 && KEEP.has(key)) attributes[key] = pair.slice(eq + 1);
    }
    const time = Math.floor(Date.parse(when) / 1000);
    out.push({ Type: 'container', Action: action, Actor: { ID: id, Attributes: attributes }, time, timeNano: time * 1e9 });
  }
  return out;
}

/**
 * The containers the events tell about, as the engine would list them after the last event:
 * `die` → exited with its exit code, `start` → running, `create` → created; one `destroy`d is
 * gone (the rules then see a recent removal). So `die` + `oom` lines read as an OOM kill.
 */
export function containersFromEvents(events: EngineEvent[]): Docker.ContainerInfo[] {
  const byId = new Map<string, Docker.ContainerInfo | null>();
  for (const e of [...events].sort((a, b) => a.time - b.time)) {
    const id = e.Actor.ID;
    const a = e.Actor.Attributes;
    const was = byId.get(id);
    if (e.Action === 'destroy') {
      byId.set(id, null);
      continue;
    }
    const status = STATUS_AFTER[e.Action]?.(a['exitCode']);
    if (!status || was === null) continue;
    byId.set(id, {
      Id: id,
      Names: [`/${a['name'] ?? id.slice(0, 12)}`],
      Image: a['image'] ?? was?.Image ?? '',
      ImageID: '',
      Command: '',
      Created: was?.Created ?? e.time,
      Ports: [],
      Labels: {},
      State: status.state,
      Status: status.status,
      HostConfig: { NetworkMode: 'default' },
      NetworkSettings: { Networks: {} },
      Mounts: [],
    });
  }
  return [...byId.values()].filter((c): c is Docker.ContainerInfo => c !== null);
}

const STATUS_AFTER: Record<string, (exitCode?: string) => { state: string; status: string }> = {
  create: () => ({ state: 'created', status: 'Created' }),
  start: () => ({ state: 'running', status: 'Up' }),
  restart: () => ({ state: 'running', status: 'Up' }),
  die: (code) => ({ state: 'exited', status: `Exited (${code ?? '0'})` }),
  stop: (code) => ({ state: 'exited', status: `Exited (${code ?? '0'})` }),
};
