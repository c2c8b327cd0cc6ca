// The read-only view of a Docker Engine that the diagnosis works on. Only read methods
// exist. Implemented over dockerode (docker-inspector.ts), under an allow-list guard that
// refuses any other request before a byte is sent.
import type Docker from 'dockerode';

/** One engine event (`GET /events?since=…&until=…`), as the engine reports it. */
export interface EngineEvent {
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  time: number;
  timeNano?: number;
}

export interface ReadOnlyInspector {
  /** Where the engine is, e.g. `unix:///var/run/docker.sock`. */
  readonly description: string;
  /** `GET /containers/json?all=…` */
  listContainers(opts: { all: boolean }): Promise<Docker.ContainerInfo[]>;
  /** `GET /images/json` */
  listImages(): Promise<Docker.ImageInfo[]>;
  /** `GET /containers/{id}/json`, with every `Config.Env` value stripped; null when not found. */
  inspectContainer(id: string): Promise<Docker.ContainerInspectInfo | null>;
  /** `GET /images/{ref}/json`; null when not found. */
  inspectImage(ref: string): Promise<Docker.ImageInspectInfo | null>;
  /** `GET /events?since=…&until=…&filters=…` — always bounded (until is required). */
  events(opts: { since: number; until: number; filters?: Record<string, string[]> }): Promise<EngineEvent[]>;
  /** `GET /_ping` */
  ping(): Promise<void>;
  /** `GET /version`: the engine's version (`coach hosts`); optional so small fakes need not have it. */
  version?(): Promise<string>;
  /** Last ≤ 50 log lines, secrets redacted; only when COACH_SHOW_LOGS=true, else null. */
  logs(id: string, tail: number): Promise<string[] | null>;
}
