// No environment value of any container appears in any output. Containers on the real engine
// get a fake secret in their environment — and echo it to their logs and their health-check
// output — then every output of the host layer, the diagnosis, `coach why/ps/images` (JSON and
// human) and a chat answer is searched for it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runImages, runPs, runWhy } from '../../src/adapters/cli/host-commands.ts';
import { renderAnswer } from '../../src/adapters/cli/render.ts';
import { sanitizeImage } from '../../src/host/redact.ts';
import { makeTestBot } from '../helpers/bot.ts';
import { createTestHost, createTestInspector } from '../helpers/engine-client.ts';
import { buildTestImage, cleanup, describeEngine, docker, testName } from '../helpers/engine.ts';
import { waitFor } from '../helpers/wait.ts';
import type Docker from 'dockerode';
import { sink } from '../helpers/sink.ts';
import { hostBot } from '../helpers/host-bot.ts';

const SECRET = 'fake-secret-value-xyz';
const OTHER = 'hunter2-also-fake-0042';

describeEngine('secrets never leave the host layer', () => {
  const image = testName('secrets-img');
  const running = testName('secret-running');
  const exited = testName('secret-exited');

  beforeAll(async () => {
    await buildTestImage(image);
    // Prints its env to the log (shaped and bare) and fails a health check that prints it too.
    await docker(
      'run',
      '-d',
      '--name',
      running,
      '-e',
      `API_KEY=${SECRET}`,
      '-e',
      `DB_PASSWORD=${OTHER}`,
      '--health-cmd',
      'echo "probe sees $API_KEY"; exit 1',
      '--health-interval',
      '1s',
      '--health-retries',
      '1',
      image,
      'sh',
      '-c',
      'echo "API_KEY=$API_KEY"; echo "plain $API_KEY"; echo "db $DB_PASSWORD"; sleep 3600',
    );
    await docker('run', '-d', '--name', exited, '-e', `API_KEY=${SECRET}`, image, 'sh', '-c', 'echo "$API_KEY"; exit 3');
    await waitFor(
      'a failed health probe with output',
      async () => {
        const log = await docker('inspect', '--format', '{{json .State.Health.Log}}', running);
        return log.includes('probe sees') ? log : null;
      },
      { everyMs: 200 },
    );
    // The engine itself does have it (so the checks below are not vacuous).
    expect(await docker('inspect', '--format', '{{json .Config.Env}}', running)).toContain(SECRET);
    expect(await docker('logs', running)).toContain(SECRET);
  });

  afterAll(async () => {
    await cleanup();
  });

  const outputs: Array<[string, string]> = [];
  const collect = (what: string, value: unknown) => outputs.push([what, typeof value === 'string' ? value : JSON.stringify(value)]);

  it('inspector: lists, inspects (names kept, values gone), events, logs (redacted)', async () => {
    const i = createTestInspector({ showLogs: true });
    collect('listContainers', await i.listContainers({ all: true }));
    collect('listImages', await i.listImages());
    const c = (await i.inspectContainer(running))!;
    collect('inspectContainer running', c);
    collect('inspectContainer exited', await i.inspectContainer(exited));
    collect('inspectImage', await i.inspectImage(image));
    const now = Math.floor(Date.now() / 1000);
    collect('events', await i.events({ since: now - 600, until: now }));
    const logs = (await i.logs(running, 50))!;
    collect('logs running', logs);
    collect('logs exited', await i.logs(exited, 50));
    expect(c.Config.Env).toEqual(expect.arrayContaining(['API_KEY=[redacted]', 'DB_PASSWORD=[redacted]']));
    expect(logs.length).toBeGreaterThanOrEqual(3); // the lines are there, only the values are gone
    expect(JSON.stringify(c.State.Health)).toContain('probe sees');
  });

  it('diagnosis, coach why/ps/images (JSON and human), and a chat answer', async () => {
    const host = createTestHost({ showLogs: true });
    collect('diagnose running', await host.diagnose({ subject: running }));
    collect('diagnose exited', await host.diagnose({ subject: exited }));
    collect('diagnose nothing named', await host.diagnose({}));
    collect('diagnose image', await host.diagnose({ subject: image }));
    collect('suggestNames', await host.suggestNames(running.slice(0, 8), 10));
    for (const json of [true, false]) {
      for (const name of [running, exited, undefined]) {
        const s = sink();
        await runWhy(hostBot(host), { ...(name ? { name } : {}), json }, s.out);
        collect(`why ${name ?? ''} json=${json}`, s.text());
      }
      const ps = sink();
      await runPs(hostBot(host), { all: true, json }, ps.out);
      collect(`ps json=${json}`, ps.text());
      const im = sink();
      await runImages(hostBot(host), { json }, im.out);
      collect(`images json=${json}`, im.text());
    }
    const bot = makeTestBot({ host });
    const answer = await bot.handle({
      text: `why is my container ${exited} not running`,
      platform: 'test',
      conversation: 'secrets',
      hostAllowed: true,
    });
    collect('chat answer', answer);
    if (answer) collect('chat answer rendered', renderAnswer(answer));
    expect(outputs.some(([w]) => w.startsWith('why'))).toBe(true);
  });

  it('the secret appears in none of them', () => {
    expect(outputs.length).toBeGreaterThan(20);
    for (const [what, text] of outputs) {
      expect(text.includes(SECRET), `${what} leaks API_KEY`).toBe(false);
      expect(text.includes(OTHER), `${what} leaks DB_PASSWORD`).toBe(false);
    }
  });
});

it('image Config.Env values are stripped too (unit)', () => {
  const img = {
    Id: 'sha256:x',
    Config: { Env: ['PATH=/bin', `TOKEN=${SECRET}`] },
    ContainerConfig: { Env: [`TOKEN=${SECRET}`] },
  } as unknown as Docker.ImageInspectInfo;
  const out = JSON.stringify(sanitizeImage(img));
  expect(out).not.toContain(SECRET);
  expect(out).toContain('TOKEN=[redacted]');
});
