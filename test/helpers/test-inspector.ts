// The inspector the diagnosis tests use: host-A's createTestInspector (the real inspector
// behind the recording proxy, test/helpers/engine-client.ts) when it is there, else the real
// inspector straight on the engine (also outside vitest: record.ts). Wrapped to count the requests each diagnosis costs.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDockerInspector } from '../../src/host/docker-inspector.ts';
import type { ReadOnlyInspector } from '../../src/host/inspector.ts';

export interface CountingInspector extends ReadOnlyInspector {
  /** One entry per engine call: `listContainers`, `inspectContainer <id>`… */
  readonly calls: string[];
}

const ENGINE_CLIENT = fileURLToPath(new URL('./engine-client.ts', import.meta.url));

export async function testInspector(): Promise<CountingInspector> {
  let inner: ReadOnlyInspector;
  // The recorder runs only under vitest (its global setup); scripts go straight to the engine.
  if (process.env.VITEST && existsSync(ENGINE_CLIENT)) {
    const mod = (await import(ENGINE_CLIENT)) as {
      createTestInspector: (opts?: { timeoutMs?: number }) => ReadOnlyInspector | Promise<ReadOnlyInspector>;
    };
    inner = await mod.createTestInspector({ timeoutMs: 15_000 });
  } else {
    inner = createDockerInspector({ timeoutMs: 15_000 });
  }
  return counting(inner);
}

export function counting(inner: ReadOnlyInspector): CountingInspector {
  const calls: string[] = [];
  return {
    description: inner.description,
    calls,
    listContainers: (o) => (calls.push('listContainers'), inner.listContainers(o)),
    listImages: () => (calls.push('listImages'), inner.listImages()),
    inspectContainer: (id) => (calls.push(`inspectContainer ${id.slice(0, 12)}`), inner.inspectContainer(id)),
    inspectImage: (ref) => (calls.push(`inspectImage ${ref}`), inner.inspectImage(ref)),
    events: (o) => (calls.push('events'), inner.events(o)),
    ping: () => (calls.push('ping'), inner.ping()),
    logs: (id, tail) => (calls.push(`logs ${id.slice(0, 12)}`), inner.logs(id, tail)),
  };
}
