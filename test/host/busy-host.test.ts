// Issue 14, on the real engine: a busy host (OOM-killed, crashed, restart loop, a Compose stack,
// and whatever else the shared engine holds) and general questions about exit codes, restart
// loops and ports. The answer comes first; the host adds a section only about the person's own
// case; no answer suggests a command that removes, re-creates or changes a container the
// question did not name.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Bot } from '../../src/core/bot.ts';
import { blocksToPlainText } from '../../src/core/markdown.ts';
import type { Answer } from '../../src/core/types.ts';
import { severityRank } from '../../src/host/rules/overview.ts';
import { makeTestBot } from '../helpers/bot.ts';
import { createTestHost } from '../helpers/engine-client.ts';
import { buildTestImage, cleanup, describeEngine, docker, inspectField, PREFIX, testName } from '../helpers/engine.ts';
import { waitFor } from '../helpers/wait.ts';

const base = testName('busy:1');
const name = {
  oom: testName('busy-oom'),
  segv: testName('busy-segv'),
  loop: testName('busy-loop'),
  alarm: testName('busy-alarm'),
  api: testName('shop-api-1'),
  web: testName('shop-web-1'),
};
const project = testName('shop');
const tail = PREFIX.slice(-4);
/** Service names unique to this run (the engine is shared), but still one word as people say them. */
const service = { api: `api${tail}`, web: `web${tail}`, worker: `worker${tail}` };

const poll = { everyMs: 200, timeoutMs: 60_000 };
const state = (n: string) => inspectField(n, '{{.State.Status}}');

/** Every shell command an answer shows: commands, code blocks, findings' fixes. */
function commandLines(a: Answer): string[] {
  const code = a.blocks.flatMap((b) => (b.type === 'code' ? b.code.split('\n') : []));
  return [...a.commands, ...code, ...a.findings.flatMap((f) => f.fix)].map((l) => l.trim()).filter((l) => l.startsWith('docker'));
}

const MUTATING =
  /^docker (rm|run|create|start|restart|stop|kill|update|rename|commit|rmi|image rm|container (rm|prune)|system prune|compose (-p \S+ )?(up|down|rm|restart|stop|start))\b/;

/** The names of every container on the (shared) engine. */
async function allNames(): Promise<string[]> {
  return (await docker('ps', '-a', '--format', '{{.Names}}')).split('\n').filter(Boolean);
}

/** No command that changes a container names one of `names`. */
function expectNoMutationOf(a: Answer, names: string[]): void {
  for (const line of commandLines(a).filter((l) => MUTATING.test(l))) {
    for (const n of names) expect(line.split(/\s+/), `"${line}" changes ${n}`).not.toContain(n);
  }
}

function text(a: Answer): string {
  return [a.title, blocksToPlainText(a.blocks), ...a.findings.map((f) => `${f.subject} ${f.summary} ${f.fix.join(' ')}`)].join('\n');
}

/** The text outside the one offer line (where recently stopped names may be listed). */
function textOutsideOffer(a: Answer): string {
  return text({ ...a, blocks: a.blocks.filter((b) => !(b.type === 'text' && /^Which container\?/.test(b.text))) });
}

describeEngine('a busy host: answers first, evidence only about the case asked', () => {
  let bot: Bot;
  const ask = async (q: string): Promise<Answer> =>
    (await bot.handle({ text: q, platform: 'slack', conversation: `busy:${q}`, hostAllowed: true }))!;

  beforeAll(async () => {
    await buildTestImage(base);
    const sh = (n: string, script: string, ...flags: string[]) => docker('run', '-d', '--name', n, ...flags, base, 'sh', '-c', script);
    await Promise.all([
      // PID 1 ignores signals it has no handler for: the child shell is the one that dies of them.
      sh(name.segv, "sh -c 'kill -SEGV $$'; exit $?"),
      sh(name.alarm, "sh -c 'kill -ALRM $$'; exit $?"),
      sh(name.loop, 'sleep 0.3; exit 1', '--restart', 'always'),
      sh(
        name.api,
        'echo "api: cannot reach db"; exit 1',
        '--label',
        `com.docker.compose.project=${project}`,
        '--label',
        `com.docker.compose.service=${service.api}`,
      ),
      sh(
        name.web,
        'sleep 3600',
        '--label',
        `com.docker.compose.project=${project}`,
        '--label',
        `com.docker.compose.service=${service.web}`,
      ),
      // Past the 16 MiB limit (see situations.ts for why the shell lingers before exiting).
      sh(name.oom, 'dd if=/dev/zero bs=1M count=256 | tail; s=$?; sleep 1; exit $s', '-m', '16m', '--memory-swap', '16m'),
    ]);
    await waitFor(
      'the crashes',
      async () => (await Promise.all([name.segv, name.alarm, name.api, name.oom].map(state))).every((s) => s === 'exited'),
      poll,
    );
    expect(await inspectField(name.segv, '{{.State.ExitCode}}')).toBe('139');
    expect(await inspectField(name.alarm, '{{.State.ExitCode}}')).toBe('142');
    await waitFor('3 restarts', async () => Number(await inspectField(name.loop, '{{.RestartCount}}')) >= 3, poll);
    bot = makeTestBot({ host: createTestHost(), hostDeadlineMs: 30_000 });
  }, 180_000);

  afterAll(() => cleanup(), 120_000);

  it('"exited with code 137, what does it mean": 137 first, and nothing about the unrelated crashes', async () => {
    const a = await ask('container exited with code 137 what does it mean');
    expect(blocksToPlainText(a.blocks.slice(0, 2))).toMatch(/137 is 128\+9.*SIGKILL/s);
    expect(text(a)).toMatch(/OOMKilled/);
    const shown = textOutsideOffer(a);
    for (const n of [name.segv, name.loop, name.alarm, name.api, name.web]) expect(shown).not.toContain(n);
    expectNoMutationOf(a, await allNames());
  });

  it('"my python container shows Exited (139)": segfault first; only a 139 container may be offered', async () => {
    const a = await ask('my python container shows Exited (139)');
    expect(blocksToPlainText(a.blocks.slice(0, 2))).toMatch(/139 is 128\+11.*SIGSEGV/s);
    const shown = textOutsideOffer(a);
    for (const n of [name.oom, name.loop, name.alarm, name.api, name.web]) expect(shown).not.toContain(n);
    expectNoMutationOf(a, await allNames());
  });

  it('"keeps restarting, how do I stop it to debug": docker update --restart=no first, then one line offering to look', async () => {
    const a = await ask('container keeps restarting in a loop, how do I stop it long enough to debug it?');
    expect(blocksToPlainText(a.blocks)).toContain('docker update --restart=no <container>');
    expect(blocksToPlainText(a.blocks)).toMatch(/--entrypoint sh/);
    expect(a.findings).toEqual([]);
    const offer = a.blocks.filter((b) => b.type === 'text' && /\/docker why NAME/.test(b.text));
    expect(offer).toHaveLength(1);
    for (const n of Object.values(name)) expect(textOutsideOffer(a)).not.toContain(n);
    expectNoMutationOf(a, await allNames());
  });

  it('"-p 3000:3000 but connection refused; listening on 127.0.0.1": bind to 0.0.0.0, no other container', async () => {
    const a = await ask('I run with -p 3000:3000 but curl gives connection refused; the app log says listening on 127.0.0.1:3000');
    expect(blocksToPlainText(a.blocks.slice(0, 2))).toMatch(/127\.0\.0\.1.*0\.0\.0\.0/s);
    for (const n of Object.values(name)) expect(textOutsideOffer(a)).not.toContain(n);
    expectNoMutationOf(a, await allNames());
  });

  it('exactly one container fits the exit code given: its evidence, and only `why NAME` as a next step', async () => {
    const a = await ask('what does it mean when a container exits with code 142?');
    expect(a.findings.length).toBeGreaterThan(0);
    expect(a.findings.every((f) => f.subject === name.alarm)).toBe(true);
    expect(a.findings[0]?.evidence.exitCode).toBe(142);
    expect(commandLines(a).filter((l) => l.includes(name.alarm))).toEqual([]);
    expect(a.findings[0]?.fix).toEqual([`If it is yours, ask \`why ${name.alarm}\` and I will say what to change.`]);
  });

  it('a named container gets the full diagnosis (OOM: oom_killed alone, no contradicting `exited`)', async () => {
    const a = await ask(`why did ${name.oom} exit with 137?`);
    const codes = a.findings.filter((f) => f.subject === name.oom).map((f) => f.code);
    const oom = (await inspectField(name.oom, '{{.State.OOMKilled}}')) === 'true';
    expect(codes).toEqual(oom ? ['oom_killed'] : ['exited']);
  });

  it('"check my host": the host-wide look, most severe first, no command that changes anything', async () => {
    const a = await ask('check my host, is anything failing?');
    expect(a.kind).toBe('diagnosis');
    const d = a.data?.kind === 'diagnosis' ? a.data.diagnosis : undefined;
    expect(d?.overview).toBeDefined();
    const o = d!.overview!;
    expect(o.shown + o.more).toBe(o.total);
    const ranks = a.findings.map(severityRank);
    expect(ranks[0]).toBe(Math.min(...ranks));
    expect(commandLines(a).filter((l) => MUTATING.test(l))).toEqual([]);
    if (o.more > 0) expect(blocksToPlainText(a.blocks)).toContain(`…and ${o.more} more with something to report (${o.total} in all)`);
  });

  it('Compose: "the stack is up but api is missing" finds service api of the project, with compose commands', async () => {
    const a = await ask(`the stack is up but ${service.api} is missing`);
    const f = a.findings.find((x) => x.subject === name.api && x.code === 'exited');
    expect(f?.evidence).toMatchObject({ composeProject: project, composeService: service.api, exitCode: 1 });
    expect(f?.fix).toContain(`docker compose -p ${project} logs --tail 50 ${service.api}`);
    expect(f?.fix).toContain(`docker compose -p ${project} up -d ${service.api}`);
    expect(f?.fix.some((x) => /^docker (rm|run)\b/.test(x))).toBe(false);
  });

  it('Compose: a service with no container is "never created", with `up -d SERVICE`', async () => {
    const a = await ask(`the stack is up but ${service.worker} is missing`);
    const f = a.findings.find((x) => x.code === 'not_found');
    expect(String(f?.evidence.composeProjects)).toContain(project);
    expect(f?.fix.join('\n')).toMatch(new RegExp(`up -d ${service.worker}$`, 'm'));
    expect(f?.summary).toMatch(/never created/);
  });
});
