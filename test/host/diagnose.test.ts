// diagnose() over an in-memory inspector: constant engine cost, the unreachable path, subjects.
import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { HostUnreachableError } from '../../src/core/errors.ts';
import type { Finding } from '../../src/core/types.ts';
import { diagnose } from '../../src/host/diagnose.ts';
import { fakeInspector } from '../helpers/fake-inspector.ts';

function container(i: number, state = 'exited', extra: Partial<Docker.ContainerInfo> = {}): Docker.ContainerInfo {
  return {
    Id: `${i.toString(16).padStart(4, '0')}${'a'.repeat(60)}`,
    Names: [`/app-${i}`],
    Image: 'app:1',
    ImageID: 'sha256:img1',
    Command: 'sh',
    Created: 1_700_000_000 + i,
    Ports: [],
    Labels: {},
    State: state,
    Status: state === 'exited' ? 'Exited (1) 2 minutes ago' : 'Up 2 minutes',
    HostConfig: { NetworkMode: 'default' },
    NetworkSettings: { Networks: {} },
    Mounts: [],
    ...extra,
  };
}

import { MAX_OVERVIEW_INSPECTS } from '../../src/host/rules/match.ts';

const codes = (fs: Finding[]) => fs.map((f) => f.code);

describe('diagnose', () => {
  it('costs a constant number of requests, whatever the number of containers', async () => {
    for (const n of [10, 1000]) {
      const cs = Array.from({ length: n }, (_, i) => container(i));
      const { inspector, calls } = fakeInspector(cs, [{ Id: 'sha256:img1', RepoTags: ['app:1'], Created: 1 }]);
      await diagnose(inspector, {});
      // 3 reads, one inspect per candidate the host-wide look shows, one image inspect at most.
      expect(calls.length).toBeLessThanOrEqual(3 + MAX_OVERVIEW_INSPECTS + 1);
      await diagnose(inspector, { subject: 'app-5' });
      await diagnose(inspector, { subject: 'app' });
      expect(calls.filter((c) => c.startsWith('inspect ')).length).toBeLessThanOrEqual(MAX_OVERVIEW_INSPECTS + 3 + 3);
      expect(calls.filter((c) => c === 'list')).toHaveLength(3);
    }
  });

  it("asks for the subject's own events in a bounded window", async () => {
    const { inspector, calls } = fakeInspector([]);
    const d = await diagnose(inspector, { subject: ' gone ' }, { now: () => 1_700_000_000_000 });
    expect(d).toMatchObject({ host: 'unix:///fake.sock', subject: 'gone' });
    expect(calls).toContain('events {"type":["container"],"container":["gone"]}');
    expect(codes(d.findings)).toEqual(['not_found']);
  });

  it('returns daemon_unreachable instead of throwing', async () => {
    const finding: Finding = {
      code: 'daemon_unreachable',
      severity: 'error',
      subject: 'engine',
      evidence: {},
      summary: 'no socket',
      fix: [],
    };
    const { inspector } = fakeInspector([]);
    inspector.listContainers = async () => {
      throw new HostUnreachableError(finding);
    };
    expect(await diagnose(inspector, { subject: 'x' })).toEqual({ host: 'unix:///fake.sock', subject: 'x', findings: [finding] });
  });

  it('uses list facts for candidates it did not inspect, most recent first, capped', async () => {
    const cs = Array.from({ length: 20 }, (_, i) => container(i));
    const { inspector } = fakeInspector(cs, [{ Id: 'sha256:img1', RepoTags: ['app:1'], Created: 1 }]);
    const d = await diagnose(inspector, {});
    expect(d.subject).toBeNull();
    expect(d.findings.map((f) => f.subject)).toEqual(['app-19', 'app-18', 'app-17', 'app-16', 'app-15']);
    expect(d.findings[0]).toMatchObject({ code: 'exited', evidence: { exitCode: 1 } });
  });

  it('finds a container by id prefix and by Compose service', async () => {
    const web = container(7, 'running', {
      Names: ['/shop-web-1'],
      Labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web' },
    });
    const { inspector } = fakeInspector([container(1), web]);
    expect(codes((await diagnose(inspector, { subject: '0007aaa' })).findings)).toContain('running');
    const d = await diagnose(inspector, { subject: 'web' });
    expect(codes(d.findings)).toEqual(['name_mismatch', 'running']);
    expect(d.findings[0]!.evidence.matchedAs).toBe('shop-web-1');
  });
});
