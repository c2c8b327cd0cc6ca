// Secrets typed into `docker exec` reach the engine's events (`exec_create: sh -c … TOKEN=…`).
// On the real engine: a container is exec'd with a command line holding a fake token and
// password, then removed; its `recently_removed` diagnosis must show neither, nor the exec
// command, in any output (the Diagnosis, --json, the CLI text, the Slack and Discord renders).
// And `why /` or a one-character name must not pick a removed container by id prefix.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runWhy } from '../../src/adapters/cli/host-commands.ts';
import { renderAnswer as renderCli } from '../../src/adapters/cli/render.ts';
import { renderAnswer as renderDiscord } from '../../src/adapters/discord/render.ts';
import { renderAnswer as renderSlack } from '../../src/adapters/slack/render.ts';
import { diagnosisAnswer } from '../../src/core/host-answers.ts';
import { emptyEntities, type Diagnosis } from '../../src/core/types.ts';
import { makeTestBot, realParts } from '../helpers/bot.ts';
import { hostBot } from '../helpers/host-bot.ts';
import { createTestHost, createTestInspector } from '../helpers/engine-client.ts';
import { buildTestImage, cleanup, describeEngine, docker, testName } from '../helpers/engine.ts';
import { waitFor } from '../helpers/wait.ts';
import { sink } from '../helpers/sink.ts';

const TOKEN = 'ghp_FakeExecToken0123456789abcdefABCD';
const PASSWORD = 'exec-pw-hunter2-fake';
const MARKER = 'exec-marker-cmd';

describeEngine('docker exec command lines never reach any output', () => {
  const image = testName('exec-img');
  const name = testName('exec-gone');
  let id = '';
  let diagnosis: Diagnosis;

  beforeAll(async () => {
    await buildTestImage(image);
    await docker('run', '-d', '--name', name, image);
    id = await docker('inspect', '--format', '{{.Id}}', name);
    await docker('exec', name, 'sh', '-c', `echo ${MARKER} GITHUB_TOKEN=${TOKEN} --password=${PASSWORD} > /dev/null`);
    await docker('rm', '-f', name);
    // The engine itself has the secret in its events (so the checks below are not vacuous).
    const now = Math.floor(Date.now() / 1000);
    const raw = await docker(
      'events',
      '--since',
      String(now - 300),
      '--until',
      String(now + 1),
      '--filter',
      `container=${id}`,
      '--format',
      '{{json .}}',
    );
    expect(raw).toContain(TOKEN);
    expect(raw).toContain(PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await cleanup();
  });

  const outputs: Array<[string, string]> = [];
  const collect = (what: string, v: unknown) => outputs.push([what, typeof v === 'string' ? v : JSON.stringify(v)]);

  it('the inspector keeps only the allow-listed event attributes', async () => {
    const now = Date.now() / 1000;
    const events = await createTestInspector().events({ since: now - 300, until: now, filters: { container: [id] } });
    collect('events', events);
    expect(events.map((e) => e.Action)).toEqual(expect.arrayContaining(['exec_create', 'destroy']));
    for (const e of events)
      expect(Object.keys(e.Actor.Attributes).every((k) => ['name', 'image', 'exitCode', 'signal'].includes(k))).toBe(true);
  });

  it('the diagnosis says it was removed, listing lifecycle events only', async () => {
    const host = createTestHost();
    diagnosis = await waitFor('the removal in the events', async () => {
      const d = await host.diagnose({ subject: name });
      return d.findings.some((f) => f.code === 'recently_removed') ? d : null;
    });
    collect('diagnosis', diagnosis);
    const f = diagnosis.findings.find((x) => x.code === 'recently_removed')!;
    expect(String(f.evidence.events)).toMatch(/destroy/);
    expect(String(f.evidence.events)).not.toMatch(/exec/);
    const answer = diagnosisAnswer(realParts().kb, 'diagnose.missing_container', diagnosis, emptyEntities());
    collect('cli render', renderCli(answer));
    collect('slack render', renderSlack(answer, { conversation: 'c' }));
    collect('discord render', renderDiscord(answer, { conversation: 'c' }));
    for (const json of [true, false]) {
      const s = sink();
      await runWhy(hostBot(host), { name, json }, s.out);
      collect(`coach why json=${json}`, s.text());
    }
    const s = sink();
    await runWhy(hostBot(host), { json: true }, s.out);
    collect('coach why (overview)', s.text());
    const chat = await makeTestBot({ host }).handle({
      text: `why is ${name} gone`,
      platform: 'test',
      conversation: 'x',
      hostAllowed: true,
    });
    collect('chat answer', chat);
  });

  it('no output holds the token, the password or the exec command', () => {
    expect(outputs.length).toBeGreaterThanOrEqual(9);
    for (const [what, text] of outputs) {
      expect(text.includes(TOKEN), `${what} leaks the token`).toBe(false);
      expect(text.includes(PASSWORD), `${what} leaks the password`).toBe(false);
      expect(text.includes(MARKER), `${what} shows the exec command`).toBe(false);
    }
  });

  // Numbers stand for the first N characters of the removed container's id (known only at run time).
  it.each(['/', 'a', 1, 3])('`why %s` does not pick the removed container by id', async (what) => {
    const subject = typeof what === 'number' ? id.slice(0, what) : what;
    const d = await createTestHost().diagnose({ subject });
    expect(d.findings.filter((f) => f.code === 'recently_removed' && f.subject === name)).toEqual([]);
  });

  it('a 4-character id prefix does', async () => {
    const d = await createTestHost().diagnose({ subject: id.slice(0, 4) });
    expect(d.findings.some((f) => f.code === 'recently_removed' && f.subject === name)).toBe(true);
  });
});
