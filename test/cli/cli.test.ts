// The `coach` command, in-process through its own entry functions (test/helpers/cli.ts) with
// in-memory stdin/stdout/stderr: the real argument parsing, bot, NLU and renderer; the real
// composition root (main.ts run()) for configuration. test/cli/smoke.test.ts spawns the binary.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realParts } from '../helpers/bot.ts';
import { runCliWith, runMain, testServices } from '../helpers/cli.ts';
import { cleanEnv } from '../helpers/spawn.ts';

const title = (intent: string) => realParts().kb.get(intent)!.title;

describe('coach CLI', () => {
  it('ask prints the answer to that question and exits 0', async () => {
    const r = await runCliWith(['ask', 'what is the difference between a docker image and a container']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(title('concept.difference')); // the article, one step away
    expect(r.stdout).toContain('blueprint'); // the short answer
    expect(r.stdout).toMatch(/More/);
    expect(r.stderr).toBe('');
  });

  it('classify --json with an argument prints one JSON object', async () => {
    const r = await runCliWith(['classify', '--json', 'docker ps shows nothing but I built my image']);
    expect(r.code, r.stderr).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(Object.keys(o)).toEqual(['text', 'intent', 'unit', 'confidence', 'alternatives', 'entities']);
    expect(o.text).toBe('docker ps shows nothing but I built my image');
    expect(o.intent).toBe(realParts().nlu.classify(o.text).intent);
    expect(o.intent).not.toBe('none');
    expect(o.confidence).toBeGreaterThanOrEqual(0);
    expect(o.confidence).toBeLessThanOrEqual(1);
    expect(o.alternatives.length).toBeLessThanOrEqual(3);
    expect(o.entities.subcommands).toEqual(['ps']);
  });

  it('classify --json reads stdin and prints JSON Lines in order', async () => {
    const qs = ['what is a docker image', 'how do I see stopped containers', 'tell me a joke about cats'];
    const r = await runCliWith(['classify', '--json'], { input: `${qs.join('\n')}\n` });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.text)).toEqual(qs);
    // "see stopped containers": the docker ps topic, or showing the host's containers (same commands without a host).
    expect(lines.map((l) => l.intent)).toEqual(['concept.image', expect.stringMatching(/^(command\.ps|host\.list_containers)$/), 'none']);
  });

  it('chat answers each stdin line and exits at the end of input', async () => {
    const r = await runCliWith(['chat'], { input: 'hello\nwhat does docker ps show?\nand what about stopped ones?\n' });
    expect(r.code, r.stderr).toBe(0);
    // Three answers, in order: the greeting, docker ps, and the follow-up still on docker ps.
    const greeting = r.stdout.indexOf(title('meta.greeting'));
    const ps = r.stdout.indexOf(title('command.ps'));
    expect(greeting).toBeGreaterThanOrEqual(0);
    expect(ps).toBeGreaterThan(greeting);
    expect(r.stdout.indexOf(title('command.ps'), ps + 1)).toBeGreaterThan(ps);
    expect(r.stdout).not.toContain('Not sure I can help');
  });

  it('chat stops at `exit`', async () => {
    const r = await runCliWith(['chat'], { input: 'exit\nwhat is a docker image\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(title('concept.image'));
  });

  it('explain takes a docker command line apart', async () => {
    const r = await runCliWith(['explain', 'docker run -d -p 8080:80 --name web myapp:2.1.0']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('-p 8080:80');
    expect(r.stdout).toContain('--name web');
  });

  it.each([
    [['--help'], 'Usage: coach <command>'],
    [['ask', '--help'], 'Usage: coach ask'],
    [['classify', '--help'], 'Usage: coach classify'],
    [['chat', '--help'], 'Usage: coach chat'],
    [['why', '--help'], 'Usage: coach why'],
  ])('%j prints its help and exits 0 without building anything', async (args, usage) => {
    const services = testServices();
    const r = await runCliWith(args, { services });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(usage);
    expect(services.used).toEqual([]);
  });

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['ask'], /needs a question/],
    [['classify', '--nope'], /Unknown option '--nope'/i],
    [['why', '--port', 'abc'], /--port must be a port number/],
    [['ps', 'extra'], /ps takes no arguments/],
  ])('bad usage %j exits 2 with a one-line reason and builds nothing', async (args, reason) => {
    const services = testServices();
    const r = await runCliWith(args, { services });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(reason);
    expect(services.used).toEqual([]);
  });

  it('no command at all prints the usage and exits 2', async () => {
    const r = await runCliWith([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Usage: coach <command>');
  });
});

describe('coach config (the composition root, main.ts)', () => {
  it('prints the effective configuration with secrets redacted', async () => {
    const r = await runMain(['config'], {
      env: cleanEnv({ SLACK_BOT_TOKEN: 'xoxb-very-secret-token', SLACK_SIGNING_SECRET: 'sign-secret-123456' }),
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('very-secret');
    expect(r.stdout).not.toContain('sign-secret-123456');
    expect(JSON.parse(r.stdout).SLACK_BOT_TOKEN).toBe('[redacted]');
  });

  it('lists every problem at once and exits non-zero', async () => {
    const r = await runMain(['config'], {
      env: cleanEnv({ SLACK_BOT_TOKEN: 'not-a-token', PORT: 'eighty', COACH_ENGINE_TIMEOUT_MS: '-5' }),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('SLACK_BOT_TOKEN');
    expect(r.stderr).toContain('PORT');
    expect(r.stderr).toContain('COACH_ENGINE_TIMEOUT_MS');
    expect(r.stderr).not.toContain('not-a-token');
  });

  it('reads .env from the working directory only through its own entry point, and the environment wins', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-env-'));
    try {
      writeFileSync(join(dir, '.env'), 'COACH_MAX_INPUT_CHARS=1234\nPORT=4000\n');
      const r = await runMain(['config'], { cwd: dir, env: cleanEnv({ PORT: '5000' }) });
      expect(r.code, r.stderr).toBe(0);
      const c = JSON.parse(r.stdout);
      expect(c.COACH_MAX_INPUT_CHARS).toBe(1234);
      expect(c.PORT).toBe(5000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
