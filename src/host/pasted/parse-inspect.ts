// `docker inspect` output: the whole JSON array, one object, just a `"State": {…}` fragment, or the
// State object alone (what `docker inspect -f '{{json .State}}' NAME` prints)
// → the engine's inspect JSON, partial where the paste was partial.
import type Docker from 'dockerode';

/** Largest JSON we parse from a message. */
const MAX_JSON = 200_000;

export function parseInspect(text: string): Docker.ContainerInspectInfo[] {
  if (text.length > MAX_JSON || !/"(?:State|ExitCode)"\s*:/.test(text)) return [];
  const t = jsonLines(text);
  for (const candidate of [t, `{${t.replace(/,\s*$/, '')}}`]) {
    const parsed = tryJson(candidate);
    const list = (Array.isArray(parsed) ? parsed : parsed ? [parsed] : []).map(asFragment);
    const out = list.filter(isInspect).map(complete);
    if (out.length > 0) return out;
  }
  return [];
}

/** From the first line that opens the JSON to the last that closes it: prose and fences around it go. */
function jsonLines(text: string): string {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => /^\s*(?:[[{]|"State"\s*:)/.test(l));
  let last = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/[}\]],?\s*$/.test(lines[i] ?? '')) {
      last = i;
      break;
    }
  }
  if (first < 0 || last < first) return text.trim();
  return lines
    .slice(first, last + 1)
    .join('\n')
    .trim();
}

function tryJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

/** What a paste may hold: any part of the inspect JSON, with at least a State object. */
interface Fragment {
  State: Partial<Docker.ContainerInspectInfo['State']>;
  Id?: unknown;
  Name?: unknown;
  Image?: unknown;
  RestartCount?: unknown;
}

/** The State object on its own (`{"Status":"exited",…,"ExitCode":1}`) is read as `{ State: … }`. */
function asFragment(x: unknown): unknown {
  if (typeof x !== 'object' || x === null || 'State' in x) return x;
  return 'Status' in x && 'ExitCode' in x ? { State: x } : x;
}

function isInspect(x: unknown): x is Fragment {
  if (typeof x !== 'object' || x === null) return false;
  const state = (x as { State?: unknown }).State;
  return typeof state === 'object' && state !== null;
}

/** Fills what a fragment leaves out, so the rules can read it like an engine answer. */
function complete(x: Fragment): Docker.ContainerInspectInfo {
  const s = x.State;
  const status = s.Status ?? (s.Running ? 'running' : s.Restarting ? 'restarting' : s.Paused ? 'paused' : s.Dead ? 'dead' : 'exited');
  return {
    ...(x as unknown as Docker.ContainerInspectInfo),
    Id: typeof x.Id === 'string' ? x.Id : 'pasted-1',
    Name: typeof x.Name === 'string' ? x.Name : '',
    Image: typeof x.Image === 'string' ? x.Image : '',
    RestartCount: typeof x.RestartCount === 'number' ? x.RestartCount : 0,
    State: {
      Status: status,
      Running: s.Running ?? status === 'running',
      Paused: s.Paused ?? status === 'paused',
      Restarting: s.Restarting ?? status === 'restarting',
      OOMKilled: s.OOMKilled ?? false,
      Dead: s.Dead ?? status === 'dead',
      Pid: s.Pid ?? 0,
      ExitCode: s.ExitCode ?? 0,
      Error: s.Error ?? '',
      StartedAt: s.StartedAt ?? '0001-01-01T00:00:00Z',
      FinishedAt: s.FinishedAt ?? '0001-01-01T00:00:00Z',
      ...(s.Health ? { Health: s.Health } : {}),
    },
  };
}
