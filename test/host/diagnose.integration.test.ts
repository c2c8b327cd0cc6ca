// Every finding code, made for real on the Docker Engine and diagnosed through the real
// inspector (behind the socket recorder when the global setup runs it). Situations come from
// test/helpers/situations.ts (the same steps record the fixtures). daemon_unreachable is
// tested by host-A (test/host/unreachable.test.ts).
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DiagnoseRequest } from '../../src/core/ports.ts';
import type { Diagnosis, FindingCode } from '../../src/core/types.ts';
import { diagnose } from '../../src/host/diagnose.ts';
import { cleanup, describeEngine, docker, testName } from '../helpers/engine.ts';
import { MAX_OVERVIEW_INSPECTS } from '../../src/host/rules/match.ts';
import { buildImages, canMakeDead, img, n, situations, undoDead } from '../helpers/situations.ts';
import { testInspector, type CountingInspector } from '../helpers/test-inspector.ts';

/**
 * 1 list containers + 1 list images + 1 events + ≤ 3 container inspects (≤ MAX_OVERVIEW_INSPECTS for the
 * host-wide look, one per candidate it shows) + ≤ 1 image inspect.
 */
const MAX_REQUESTS = 3 + MAX_OVERVIEW_INSPECTS + 1;
const DEAD_OK = canMakeDead();
/**
 * The engine's event buffer is small (256 events on Engine 20.10) and the health checks and
 * restart loops of the other situations fill it within a minute: the removal is made in its
 * own test, right before the diagnosis reads the events.
 */
const MADE_IN_TEST = new Set(['recently-removed']);

describeEngine('diagnosis on the real engine', () => {
  let inspector: CountingInspector;

  beforeAll(async () => {
    inspector = await testInspector();
    await buildImages();
    await Promise.all(situations.filter((s) => (s.key !== 'dead' || DEAD_OK) && !MADE_IN_TEST.has(s.key)).map((s) => s.make()));
  }, 180_000);

  afterAll(async () => {
    await undoDead(n('dead'));
    await cleanup();
  }, 120_000);

  async function why(req: DiagnoseRequest): Promise<Diagnosis> {
    const before = inspector.calls.length;
    const d = await diagnose(inspector, req);
    expect(inspector.calls.length - before, inspector.calls.slice(before).join(', ')).toBeLessThanOrEqual(MAX_REQUESTS);
    return d;
  }

  const codes = (d: Diagnosis): FindingCode[] => d.findings.map((f) => f.code);
  const find = (d: Diagnosis, code: FindingCode) => {
    const f = d.findings.find((x) => x.code === code);
    if (!f) throw new Error(`no ${code} in ${JSON.stringify(d.findings.map((x) => [x.code, x.subject]))}`);
    return f;
  };

  for (const s of situations) {
    // `dead` needs root, chattr and the engine's files on this machine; without them it is
    // unit-tested on the recorded fixture only (test/host/rules.test.ts).
    it.skipIf(s.key === 'dead' && !DEAD_OK)(`${s.code}: ${s.key}`, async () => {
      if (MADE_IN_TEST.has(s.key)) await s.make();
      const d = await why(s.request);
      expect(d.host).toBe(inspector.description);
      expect(d.subject).toBe(s.request.subject ?? null);
      expect(codes(d)).toContain(s.code);
    });
  }

  it('exited: the exit code and what it means', async () => {
    const f = find(await why({ subject: n('exited') }), 'exited');
    expect(f.evidence).toMatchObject({ exitCode: 3, state: 'exited', oomKilled: false });
    expect(f.fix).toContain(`docker logs --tail 50 ${n('exited')}`);
  });

  it('oom_killed: OOMKilled with 137, and no second (contradictory) exited finding', async () => {
    const d = await why({ subject: n('oom') });
    expect(find(d, 'oom_killed').evidence).toMatchObject({ oomKilled: true, exitCode: 137 });
    expect(codes(d)).toEqual(['oom_killed']);
    expect(d.findings.flatMap((f) => f.fix).join('\n')).not.toMatch(/without -m/);
  });

  it('restart_loop: the restart count and policy', async () => {
    const f = find(await why({ subject: n('loop') }), 'restart_loop');
    expect(Number(f.evidence.restartCount)).toBeGreaterThanOrEqual(3);
    expect(f.evidence.restartPolicy).toBe('always');
  });

  it('unhealthy: the last probe output, trimmed', async () => {
    const f = find(await why({ subject: n('sick') }), 'unhealthy');
    expect(f.evidence.lastProbeOutput).toBe('database not ready on port 5432');
    expect(f.summary).toContain('database not ready on port 5432');
  });

  it('port_not_published and port_mismatch: ports as the engine has them', async () => {
    expect(find(await why({ subject: n('hidden') }), 'port_not_published').evidence.exposed).toBe('8080/tcp');
    const f = find(await why({ subject: n('mapped'), port: 3000 }), 'port_mismatch');
    expect(f.evidence).toMatchObject({ askedPort: 3000 });
    expect(String(f.evidence.ports)).toMatch(/^\d+->80\/tcp$/);
    const running = find(await why({ subject: n('running') }), 'running');
    expect(String(running.evidence.ports)).toMatch(/^\d+->8080\/tcp$/);
  });

  it("stale_image: the container image id differs from the tag's", async () => {
    const f = find(await why({ subject: n('stale') }), 'stale_image');
    const tagId = await docker('image', 'inspect', '--format', '{{.Id}}', img.app);
    expect(f.evidence.tagImageId).toBe(tagId);
    expect(f.evidence.containerImageId).not.toBe(tagId);
  });

  it('name_mismatch: a typo is answered "did you mean" first, with no not_found before it', async () => {
    const d = await why({ subject: n('runnign') });
    expect(codes(d)).toEqual(['name_mismatch']);
    expect(d.findings[0]?.summary).toMatch(/^Did you mean `/);
    expect(String(find(d, 'name_mismatch').evidence.closest).split(', ')[0]).toBe(n('running'));
  });

  it('name_mismatch: a Compose service (labels) finds proj-web-1', async () => {
    for (const subject of ['web', n('proj-web'), n('proj_web')]) {
      const d = await why({ subject });
      const f = find(d, 'name_mismatch');
      expect(f.evidence.matchedAs, subject).toBe(n('proj-web-1'));
      expect(codes(d)).toContain('running');
    }
  });

  it('a container id prefix and an image reference are subjects too', async () => {
    const id = await docker('inspect', '--format', '{{.Id}}', n('exited'));
    expect(codes(await why({ subject: id.slice(0, 10) }))).toContain('exited');
    expect(codes(await why({ subject: img.never }))).toEqual(['image_built_never_run']);
    // A tag that does not exist, of a repository that does: "did you mean" the repository.
    expect(codes(await why({ subject: `${testName('never')}:3` }))).toEqual(['name_mismatch']);
  });

  it('recently_removed: from the engine events, with the exit code', async () => {
    await situations.find((s) => s.key === 'recently-removed')!.make();
    const f = find(await why({ subject: n('gone') }), 'recently_removed');
    expect(f.evidence).toMatchObject({ container: n('gone'), exitCode: 0 });
    expect(String(f.evidence.events)).toMatch(/create.*start.*die.*destroy/);
  });

  it('not_found: says what was searched and that events are best effort', async () => {
    const f = find(await why({ subject: 'zq-nothing-like-it' }), 'not_found');
    expect(f.summary).toMatch(/containers .*images .*events/);
    // How far back the history reaches depends on how busy the engine was (other tests share it).
    expect(['wrapped', 'covers']).toContain(f.evidence.eventsHistory);
    expect(f.summary).toMatch(/events.*restarts/);
    // The history no longer covering a removal: the usual causes, by name.
    expect(f.summary).toMatch(/`--rm`.*`docker rm`.*prune.*`docker compose down`.*another docker context or host/);
    expect(f.evidence.usualCauses).toMatch(/--rm/);
  });

  it('no subject: the likely candidates, most recent first, capped', async () => {
    const d = await why({});
    expect(d.subject).toBeNull();
    const subjects = [...new Set(d.findings.map((f) => f.subject))];
    expect(subjects.length).toBeGreaterThan(0);
    expect(subjects.length).toBeLessThanOrEqual(5);
  });
});
