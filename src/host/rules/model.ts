// The data the rules work on. A Snapshot is what the engine said (list, inspect and events
// JSON, untouched); ContainerFacts is one container's facts, read from the list entry and,
// for the few candidates that were inspected, from the inspect JSON. Pure: no engine here.
import type Docker from 'dockerode';
import type { DiagnoseRequest } from '../../core/ports.ts';
import type { EngineEvent } from '../inspector.ts';

export interface Snapshot {
  /** When it was read, ms since the epoch. */
  now: number;
  request: DiagnoseRequest;
  containers: Docker.ContainerInfo[];
  images: Docker.ImageInfo[];
  events: EngineEvent[];
  /** The events window asked for, seconds since the epoch. */
  eventsSince: number;
  eventsUntil: number;
  /** Container inspect JSON of the candidates only, by full container id. */
  inspects: Record<string, Docker.ContainerInspectInfo>;
  /** Image inspect JSON when the subject matched nothing in the lists, else null. */
  imageInspect: Docker.ImageInspectInfo | null;
  /**
   * Pasted by the person asking (src/host/pasted/): every container in it is theirs to act on, so
   * the look keeps the full fixes; on a live host it suggests only reading ones.
   */
  pasted?: boolean;
  /** The last log lines (redacted) of the container asked about, by full id; only with COACH_SHOW_LOGS. */
  logs?: Record<string, string[]>;
  /** The bot's own container id, when it runs in one: left out of the host-wide look. */
  selfId?: string | null;
  /**
   * How much of the window the engine's event history still covers: read (one unfiltered events
   * call) only when the subject is nowhere to be found, so not_found can say whether the history
   * reaches back. Absent when it was not read (pasted output, or the read failed).
   */
  history?: EventsHistory;
}

/** The engine's whole event history inside the window: how many events, and the oldest one's time. */
export interface EventsHistory {
  /** Events the engine returned for the window, of every type. */
  count: number;
  /** Seconds since the epoch; null when there were none. */
  oldest: number | null;
}

export interface PublishedPort {
  ip: string;
  host: number;
  container: number;
  proto: string;
}

export interface HealthFacts {
  status: string;
  failingStreak: number | null;
  lastOutput: string | null;
  lastExitCode: number | null;
}

export interface ContainerFacts {
  id: string;
  shortId: string;
  /** Without the leading `/`. */
  name: string;
  /** The reference it was created from (`app:1`); the list shows the id once the tag moved. */
  image: string;
  imageId: string;
  /** created | running | paused | restarting | removing | exited | dead */
  state: string;
  /** The list's human status: `Exited (3) 2 minutes ago`, `Up 5 seconds (unhealthy)`. */
  status: string;
  /** Seconds since the epoch. */
  created: number;
  exitCode: number | null;
  oomKilled: boolean | null;
  /** OOMKilled was read from the engine's `oom` event rather than `State.OOMKilled`. */
  oomFromEvents?: boolean;
  restartCount: number | null;
  restartPolicy: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  /** The engine's `State.Error`, e.g. why it could not start. */
  error: string | null;
  health: HealthFacts | null;
  published: PublishedPort[];
  /** Exposed container ports (`8080/tcp`) that have no host side. */
  unpublished: string[];
  labels: Record<string, string>;
  inspected: boolean;
}

export const COMPOSE_PROJECT = 'com.docker.compose.project';
export const COMPOSE_SERVICE = 'com.docker.compose.service';
