// COACH_SHOW_LOGS: with it, a diagnosis quotes the last ≤ 50 log lines of the container asked
// about, redacted, each line capped, from containers with and without a TTY (multiplexed
// frames); without it, the logs endpoint is never requested (a private socket recorder in
// front of the real engine counts the requests).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderAnswer } from '../../src/adapters/cli/render.ts';
import { diagnosisAnswer } from '../../src/core/host-answers.ts';
import { emptyEntities, type Diagnosis } from '../../src/core/types.ts';
import { createDockerHost } from '../../src/host/docker-host.ts';
import { MAX_LOG_LINE_CHARS } from '../../src/host/docker-inspector.ts';
import { realParts } from '../helpers/bot.ts';
import { buildTestImage, cleanup, describeEngine, docker, testName } from '../helpers/engine.ts';
import { waitFor } from '../helpers/wait.ts';
import { startRecorder, type Recorder } from '../helpers/recorder.ts';

const SECRET = 'hunter2-log-fake-pw';
const SCRIPT = `for i in $(seq 1 60); do echo "line $i"; done; echo "password=${SECRET}"; echo "server listening on 8080"; printf '%2000s\\n' '' | tr ' ' x; sleep 0.3; echo "stderr says bye" >&2; exit 1`;

describeEngine('COACH_SHOW_LOGS quotes the last log lines, redacted', () => {
  const image = testName('logs-img');
  const plain = testName('logs-plain');
  const tty = testName('logs-tty');
  let recorder: Recorder;

  beforeAll(async () => {
    await buildTestImage(image);
    await docker('run', '-d', '--name', plain, image, 'sh', '-c', SCRIPT);
    await docker('run', '-d', '-t', '--name', tty, image, 'sh', '-c', SCRIPT);
    for (const n of [plain, tty])
      await waitFor(`${n} exited`, async () => (await docker('inspect', '--format', '{{.State.Status}}', n)) === 'exited');
    expect(await docker('logs', plain)).toContain(SECRET); // the engine has it: the check below is not vacuous
    recorder = await startRecorder({
      target: process.env.DOCKER_HOST?.startsWith('unix://') ? process.env.DOCKER_HOST.slice(7) : '/var/run/docker.sock',
    });
  }, 120_000);

  afterAll(async () => {
    await recorder.close();
    await cleanup();
  });

  const hostFor = (showLogs: boolean) =>
    createDockerHost({ connect: { dockerHost: `unix://${recorder.socketPath}` }, timeoutMs: 15_000, showLogs });
  const logsRequests = () => recorder.requests.filter((r) => /\/logs\b/.test(r.url));

  function lastLines(d: Diagnosis): string[] {
    const f = d.findings.find((x) => x.evidence.lastLogLines !== undefined);
    return f ? String(f.evidence.lastLogLines).split('\n') : [];
  }

  it.each([
    ['no TTY (multiplexed)', plain],
    ['a TTY', tty],
  ])('with the setting: %s', async (_what, name) => {
    recorder.reset();
    const d = await hostFor(true).diagnose({ subject: name });
    expect(d.findings[0]?.code).toBe('exited');
    const lines = lastLines(d);
    expect(lines.length).toBeLessThanOrEqual(50);
    expect(lines).toContain('server listening on 8080');
    expect(lines).toContain('password=[redacted]');
    expect(lines).toContain('stderr says bye');
    expect(lines).not.toContain('line 1'); // only the tail
    expect(lines.every((l) => l.length <= MAX_LOG_LINE_CHARS)).toBe(true);
    expect(lines.some((l) => l.startsWith('xxxx') && l.endsWith('…'))).toBe(true);
    // eslint-disable-next-line no-control-regex -- checking that control characters are gone
    expect(lines.join('\n')).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    const rendered = JSON.stringify(d) + renderAnswer(diagnosisAnswer(realParts().kb, 'diagnose.missing_container', d, emptyEntities()));
    expect(rendered).not.toContain(SECRET);
    expect(rendered).toContain('server listening on 8080');
    expect(logsRequests().map((r) => r.url)).toEqual([expect.stringMatching(/\/containers\/[0-9a-f]{64}\/logs\?.*tail=50/)]);
    expect(logsRequests().every((r) => r.allowed && r.method === 'GET' && !/follow=(1|true)/.test(r.url))).toBe(true);
  });

  it('without the setting: no log lines, and the logs endpoint is never requested', async () => {
    recorder.reset();
    const d = await hostFor(false).diagnose({ subject: plain });
    expect(d.findings[0]?.code).toBe('exited');
    expect(lastLines(d)).toEqual([]);
    expect(recorder.requests.length).toBeGreaterThan(0);
    expect(logsRequests()).toEqual([]);
  });
});
