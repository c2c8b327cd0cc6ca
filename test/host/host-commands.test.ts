// `coach why/ps/images` over a fake HostPort, through the core (the chat renderer, no classifier):
// the JSON contract, human output that says what to do next, long lists capped, exit codes, and
// engine text cleaned of control codes.
import { afterEach, describe, expect, it } from 'vitest';
import { runImages, runPs, runWhy } from '../../src/adapters/cli/host-commands.ts';
import { MAX_FINDINGS, MAX_ROWS } from '../../src/core/host-answers.ts';
import type { ContainerSummary, HostPort, ImageSummary } from '../../src/core/ports.ts';
import type { Diagnosis, Finding } from '../../src/core/types.ts';
import { fakeHost as sharedFakeHost, UNREACHABLE } from '../helpers/fake-host.ts';
import { hostBot, type HostBot } from '../helpers/host-bot.ts';
import { sink } from '../helpers/sink.ts';

const finding = (i: number, severity: Finding['severity'] = 'warning'): Finding => ({
  code: 'exited',
  severity,
  subject: `app-${i}`,
  evidence: { exitCode: 1, state: 'exited' },
  summary: `app-${i} stopped.`,
  fix: [`docker logs app-${i}`, `docker start app-${i}`],
});

const unreachable = UNREACHABLE;

/** The shared fake with one fixed diagnosis (the CLI prints whatever the host says). */
const fakeHost = (p: { diagnosis?: Diagnosis; containers?: ContainerSummary[]; images?: ImageSummary[]; down?: boolean }) =>
  sharedFakeHost({ ...p, ...(p.diagnosis ? { diagnose: () => p.diagnosis! } : {}) });

const container = (i: number): ContainerSummary => ({
  id: `${i}`.padStart(64, 'a'),
  names: [`c-${i}`],
  image: 'app:1',
  imageId: 'sha256:abc',
  state: 'exited',
  status: 'Exited (1) 2 minutes ago',
  exitCode: 1,
  ports: [],
  created: '2026-01-01T00:00:00.000Z',
});

const bots: HostBot[] = [];
/** The core over this host, as `coach why|ps|images` get it. */
function via(host: HostPort, over: Parameters<typeof hostBot>[1] = {}): HostBot {
  const bot = hostBot(host, over);
  bots.push(bot);
  return bot;
}
afterEach(() => {
  // No host command ever asks the classifier.
  const used = bots.splice(0);
  expect(used.map((b) => b.classifyCalls())).toEqual(used.map(() => 0));
});

describe('coach why', () => {
  it('--json prints {host, subject, findings}', async () => {
    const d: Diagnosis = { host: 'unix:///var/run/docker.sock', subject: 'app-1', findings: [finding(1)] };
    const s = sink();
    expect(await runWhy(via(fakeHost({ diagnosis: d })), { name: 'app-1', json: true }, s.out)).toBe(0);
    expect(JSON.parse(s.text())).toEqual(d);
  });

  it('--json prints every finding, past what a chat answer shows', async () => {
    const findings = Array.from({ length: MAX_FINDINGS + 5 }, (_, i) => finding(i));
    const d: Diagnosis = { host: 'unix:///var/run/docker.sock', subject: null, findings };
    const s = sink();
    await runWhy(via(fakeHost({ diagnosis: d })), { json: true }, s.out);
    expect(JSON.parse(s.text())).toEqual(d);
  });

  it('human: the chat answer, errors first, capped, with the commands to run', async () => {
    const findings = [...Array.from({ length: MAX_FINDINGS + 1 }, (_, i) => finding(i, 'info')), finding(99, 'error')];
    const s = sink();
    await runWhy(via(fakeHost({ diagnosis: { host: 'unix:///var/run/docker.sock', subject: null, findings } })), { json: false }, s.out);
    const text = s.text();
    expect(text).toMatch(/^What I found on the host\n/);
    expect(text.indexOf('app-99')).toBeLessThan(text.indexOf('app-0'));
    expect(text).toContain(`…and ${findings.length - MAX_FINDINGS} more findings`);
    expect(text).toMatch(/Try: docker logs app-99/);
  });

  it('unreachable: exit 1, the explanation and the fix', async () => {
    const s = sink();
    const code = await runWhy(
      via(fakeHost({ diagnosis: { host: 'unix:///x.sock', subject: 'web', findings: [unreachable] } })),
      { name: 'web', json: false },
      s.out,
    );
    expect(code).toBe(1);
    expect(s.text()).toContain('No Docker Engine socket');
    expect(s.text()).toContain('sudo systemctl start docker');
  });

  it('engine-supplied text cannot move the cursor or colour the terminal', async () => {
    const evil = { ...finding(1), subject: 'x\u001b[2J\u001b[31mred', summary: 'bad\u001b]0;title\u0007 text' };
    const s = sink();
    await runWhy(via(fakeHost({ diagnosis: { host: 'h', subject: null, findings: [evil] } })), { json: false }, s.out);
    expect(s.text()).not.toContain('\u001b');
    expect(s.text()).not.toContain('\u0007');
  });
});

describe('coach ps / images', () => {
  it('caps long lists with "…and N more"', async () => {
    const s = sink();
    await runPs(via(fakeHost({ containers: Array.from({ length: 45 }, (_, i) => container(i)) })), { all: true, json: false }, s.out);
    expect(s.text()).toContain(`…and ${45 - MAX_ROWS} more`);
    expect(s.text()).toContain('c-0');
    expect(s.text()).not.toContain(`c-${MAX_ROWS}\n`);
  });

  it('--json lists every container as a plain object', async () => {
    const list = Array.from({ length: 45 }, (_, i) => container(i));
    const s = sink();
    expect(await runPs(via(fakeHost({ containers: list })), { all: true, json: true }, s.out)).toBe(0);
    expect(JSON.parse(s.text())).toEqual(list);
  });

  it('no running containers: says stopped ones are hidden and how to see them', async () => {
    const s = sink();
    await runPs(via(fakeHost({ containers: [] })), { all: false, json: false }, s.out);
    expect(s.text()).toContain('ps --all');
  });

  it('images: never-run images are called out; --json gives plain objects', async () => {
    const images: ImageSummary[] = [
      { id: 'sha256:1111111111111111', tags: ['app:1'], size: 5_300_000, created: '2026-01-01T00:00:00.000Z', containers: [] },
      { id: 'sha256:2222222222222222', tags: ['db:2'], size: 1_000, created: '2026-01-02T00:00:00.000Z', containers: ['db'] },
    ];
    const h = sink();
    // `<none>` layers are dangling, never "never run"; the count is the one every answer gives.
    const withDangling: ImageSummary[] = [
      ...images,
      { id: 'sha256:3333333333333333', tags: [], size: 9_000, created: '2025-01-01T00:00:00.000Z', containers: [] },
    ];
    const d = sink();
    await runImages(via(fakeHost({ images: withDangling })), { json: false }, d.out);
    expect(d.text()).toContain('2 images have no container (1 tagged');
    expect(d.text()).toMatch(/1 dangling <none> layers/);
    expect(d.text()).toContain('none (dangling)');
    await runImages(via(fakeHost({ images })), { json: false }, h.out);
    expect(h.text()).toContain('1 image has no container');
    expect(h.text()).toContain('5.3 MB');
    const j = sink();
    await runImages(via(fakeHost({ images })), { json: true }, j.out);
    expect(JSON.parse(j.text())).toEqual(
      images.map(({ tags, id, size, created, containers }) => ({ tags, id, size, created, containers })),
    );
  });

  it('unreachable: exit 1; --json prints {"error": finding}', async () => {
    const h = sink();
    expect(await runPs(via(fakeHost({ down: true })), { all: true, json: false }, h.out)).toBe(1);
    expect(h.text()).toContain('No Docker Engine socket');
    const j = sink();
    expect(await runImages(via(fakeHost({ down: true })), { json: true }, j.out)).toBe(1);
    expect(JSON.parse(j.text())).toEqual({ error: unreachable });
  });
});
