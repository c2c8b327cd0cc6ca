// The one fake ReadOnlyInspector (the engine side of src/host/) for tests of the diagnosis:
// answers from the listings it is given, inspects nothing, and records every call in `calls`.
// test/helpers/test-inspector.ts wraps the real inspector instead, to count real engine calls.
import type Docker from 'dockerode';
import type { EngineEvent, ReadOnlyInspector } from '../../src/host/inspector.ts';

export function fakeInspector(
  containers: Docker.ContainerInfo[],
  images: Partial<Docker.ImageInfo>[] = [],
  events: EngineEvent[] = [],
): { inspector: ReadOnlyInspector; calls: string[] } {
  const calls: string[] = [];
  const inspector: ReadOnlyInspector = {
    description: 'unix:///fake.sock',
    listContainers: () => (calls.push('list'), Promise.resolve(containers)),
    listImages: () => (calls.push('images'), Promise.resolve(images as Docker.ImageInfo[])),
    inspectContainer: (id) => (calls.push(`inspect ${id.slice(0, 4)}`), Promise.resolve(null)),
    inspectImage: (ref) => (calls.push(`inspectImage ${ref}`), Promise.resolve(null)),
    events: (o) => (calls.push(`events ${JSON.stringify(o.filters)}`), Promise.resolve(events)),
    ping: () => Promise.resolve(),
    logs: () => Promise.resolve(null),
  };
  return { inspector, calls };
}
