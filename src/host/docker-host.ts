// The HostPort the core talks to: the guarded, time-limited inspector + the diagnosis + fuzzy
// names. Nothing here changes the engine; there is no method that could.
import type { ContainerSummary, DiagnoseRequest, HostPort, ImageSummary } from '../core/ports.ts';
import type { Diagnosis } from '../core/types.ts';
import { createDockerInspector, DEFAULT_TIMEOUT_MS, type DockerInspectorOptions } from './docker-inspector.ts';
import { diagnose } from './diagnose.ts';
import { rankNames } from './fuzzy.ts';
import type { ReadOnlyInspector } from './inspector.ts';
import { toContainerSummary, toImageSummaries } from './summaries.ts';

export interface DockerHostOptions extends DockerInspectorOptions {
  /** Use this inspector instead of building one (tests, the recorder). */
  inspector?: ReadOnlyInspector;
  now?: () => number;
}

/** A HostPort that can also say which engine version answers (for `coach hosts`). */
export interface DockerHost extends HostPort {
  /** The engine's version, or null when it cannot be read within the time limit. */
  engineVersion(): Promise<string | null>;
}

export function createDockerHost(opts: DockerHostOptions = {}): DockerHost {
  const inspector = opts.inspector ?? createDockerInspector(opts);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  return {
    description: inspector.description,

    diagnose(req: DiagnoseRequest): Promise<Diagnosis> {
      return diagnose(inspector, req, { now: opts.now });
    },

    async listContainers({ all }): Promise<ContainerSummary[]> {
      const list = await inspector.listContainers({ all });
      return list.map(toContainerSummary).sort(byCreatedDesc);
    },

    async listImages(): Promise<ImageSummary[]> {
      const [images, containers] = await Promise.all([inspector.listImages(), inspector.listContainers({ all: true })]);
      return toImageSummaries(images, containers).sort(byCreatedDesc);
    },

    /** For autocomplete: must answer fast, so any failure or a slow engine gives []. */
    async suggestNames(partial: string, limit: number): Promise<string[]> {
      let timer: NodeJS.Timeout | undefined;
      const fallback = new Promise<string[]>((resolve) => {
        timer = setTimeout(() => {
          resolve([]);
        }, timeoutMs);
      });
      const work = (async () => {
        const [containers, images] = await Promise.all([inspector.listContainers({ all: true }), inspector.listImages()]);
        const names = [
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- @types/dockerode says Names is always there; engine JSON is not checked
          ...containers.flatMap((c) => (c.Names ?? []).map((n) => n.replace(/^\//, ''))),
          ...images.flatMap((i) => (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>')),
        ];
        return rankNames(partial, names, limit);
      })().catch(() => [] as string[]);
      try {
        return await Promise.race([work, fallback]);
      } finally {
        clearTimeout(timer);
      }
    },

    async engineVersion(): Promise<string | null> {
      try {
        return inspector.version ? await inspector.version() : null;
      } catch {
        return null;
      }
    },

    async ping(): Promise<boolean> {
      try {
        await inspector.ping();
        return true;
      } catch {
        return false;
      }
    },
  };
}

function byCreatedDesc(a: { created: string }, b: { created: string }): number {
  return b.created.localeCompare(a.created);
}
