// How not_found decides whether the engine's event history still covers the window: one
// unfiltered events call, made only when the subject is nowhere to be found. The engine keeps
// 256 events (moby daemon/events eventsLimit): a window holding that many may have lost older
// ones; fewer means none was dropped. (The real wrap: test/host/events-wrapped.test.ts.)
import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/host/diagnose.ts';
import type { EngineEvent, ReadOnlyInspector } from '../../src/host/inspector.ts';
import { ENGINE_EVENTS_KEPT, HISTORY_SLACK } from '../../src/host/rules/missing.ts';
import { fakeInspector } from '../helpers/fake-inspector.ts';

const NOW = 1_700_000_000_000;

function tagEvents(n: number, firstTime: number): EngineEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    Type: 'image',
    Action: 'tag',
    Actor: { ID: `sha256:${i}`, Attributes: { name: `x:${i}` } },
    time: firstTime + i,
  }));
}

/** The fake inspector, with events answered like the engine: a container filter sees only that container's. */
function withEvents(all: EngineEvent[], containers: Docker.ContainerInfo[] = []): { inspector: ReadOnlyInspector; calls: string[] } {
  const base = fakeInspector(containers);
  const inspector: ReadOnlyInspector = {
    ...base.inspector,
    events: (o) => {
      base.calls.push(`events ${JSON.stringify(o.filters ?? {})}`);
      const want = o.filters?.container?.[0];
      return Promise.resolve(want === undefined ? all : all.filter((e) => e.Actor.Attributes.name === want));
    },
  };
  return { inspector, calls: base.calls };
}

const container = (name: string): Docker.ContainerInfo =>
  ({
    Id: 'c0ffee00',
    Names: [`/${name}`],
    Image: 'app:1',
    ImageID: 'sha256:a',
    State: 'running',
    Status: 'Up',
    Created: 1,
    Labels: {},
  }) as unknown as Docker.ContainerInfo;

describe('not_found and the engine event history', () => {
  it(`${ENGINE_EVENTS_KEPT} events in the window: the history has wrapped; it says so, from when, and names --rm`, async () => {
    const oldest = NOW / 1000 - 120;
    const { inspector, calls } = withEvents(tagEvents(ENGINE_EVENTS_KEPT, oldest));
    const d = await diagnose(inspector, { subject: 'worker' }, { now: () => NOW, selfId: null });
    const f = d.findings.find((x) => x.code === 'not_found');
    expect(f?.evidence).toMatchObject({
      eventsHistory: 'wrapped',
      eventsInWindow: 256,
      eventsCover: new Date(oldest * 1000).toISOString(),
    });
    expect(f?.summary).toContain('does not reach back far enough to tell what happened to `worker`');
    expect(f?.summary).toContain(`the oldest is from ${new Date(oldest * 1000).toISOString()}`);
    expect(f?.summary).toMatch(/`--rm`.*`docker rm`.*prune.*`docker compose down`.*another docker context or host/);
    expect(calls.filter((c) => c.startsWith('events'))).toEqual(['events {"type":["container"],"container":["worker"]}', 'events {}']);
  });

  it('a few short of the 256 (events made while the answer was read are not counted): still wrapped', async () => {
    const { inspector } = withEvents(tagEvents(ENGINE_EVENTS_KEPT - HISTORY_SLACK, NOW / 1000 - 60));
    const d = await diagnose(inspector, { subject: 'worker' }, { now: () => NOW, selfId: null });
    expect(d.findings.find((x) => x.code === 'not_found')?.evidence.eventsHistory).toBe('wrapped');
  });

  it('fewer events than the engine keeps: the history covers the window, so no removal happened in it', async () => {
    const { inspector } = withEvents(tagEvents(40, NOW / 1000 - 600));
    const d = await diagnose(inspector, { subject: 'worker' }, { now: () => NOW, selfId: null });
    const f = d.findings.find((x) => x.code === 'not_found');
    expect(f?.evidence).toMatchObject({ eventsHistory: 'covers', eventsInWindow: 40 });
    expect(f?.summary).toMatch(/show no container of that name being removed/);
    expect(f?.summary).not.toMatch(/does not reach back/);
  });

  it('the history cannot be read: unknown, and the general note about the 256 kept events', async () => {
    const base = withEvents([]);
    const inspector: ReadOnlyInspector = {
      ...base.inspector,
      events: (o) => (o.filters ? base.inspector.events(o) : Promise.reject(new Error('engine went away'))),
    };
    const d = await diagnose(inspector, { subject: 'worker' }, { now: () => NOW, selfId: null });
    const f = d.findings.find((x) => x.code === 'not_found');
    expect(f?.evidence.eventsHistory).toBe('unknown');
    expect(f?.summary).toMatch(/keeps only its last 256 events/);
  });

  it('no history call when the subject exists, was removed, or is a close typo', async () => {
    const removed: EngineEvent = {
      Type: 'container',
      Action: 'destroy',
      Actor: { ID: 'dead0001', Attributes: { name: 'old' } },
      time: NOW / 1000 - 5,
    };
    for (const [subject, containers, events] of [
      ['web', [container('web')], []],
      ['old', [], [removed]],
      ['wbe', [container('web')], []],
    ] as const) {
      const { inspector, calls } = withEvents([...events], [...containers]);
      await diagnose(inspector, { subject }, { now: () => NOW, selfId: null });
      expect(
        calls.filter((c) => c === 'events {}'),
        subject,
      ).toEqual([]);
    }
  });
});
