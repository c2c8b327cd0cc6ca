// Spawns the real `coach` command, as a person would run it after `npm ci`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, runCoach } from '../helpers/spawn.ts';

describe('coach CLI', () => {
  it('ask prints the answer and exits 0', async () => {
    const r = await runCoach(['ask', 'what is the difference between a docker image and a container']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/image/i);
    expect(r.stdout).toMatch(/container/i);
    expect(r.stdout).toContain('docker build');
  });

  it('classify --json with an argument prints one JSON object', async () => {
    const r = await runCoach(['classify', '--json', 'docker ps shows nothing but I built my image']);
    expect(r.code, r.stderr).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(Object.keys(o)).toEqual(['text', 'intent', 'confidence', 'alternatives', 'entities']);
    expect(o.text).toBe('docker ps shows nothing but I built my image');
    expect(o.confidence).toBeGreaterThanOrEqual(0);
    expect(o.confidence).toBeLessThanOrEqual(1);
    expect(o.alternatives.length).toBeLessThanOrEqual(3);
    expect(o.entities).toHaveProperty('subcommands');
  });

  it('classify --json reads stdin and prints JSON Lines in order', async () => {
    const qs = ['what is a docker image', 'how do I see stopped containers', 'tell me a joke about cats'];
    const r = await runCoach(['classify', '--json'], { input: `${qs.join('\n')}\n` });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.text)).toEqual(qs);
    expect(lines[0].intent).toBe('concept.image');
    expect(lines[2].intent).toBe('none');
  });

  it('chat answers each stdin line and exits at the end of input', async () => {
    const r = await runCoach(['chat'], { input: 'hello\nwhat does docker ps show?\nand what about stopped ones?\n' });
    expect(r.code, r.stderr).toBe(0);
    // The follow-up stays on the topic of docker ps.
    const answers = r.stdout.trim().split(/\n\n(?=\S)/);
    expect(answers.length).toBeGreaterThanOrEqual(3);
    expect(r.stdout.match(/docker ps/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  });

  it('chat stops at `exit`', async () => {
    const r = await runCoach(['chat'], { input: 'exit\nwhat is a docker image\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/blueprint/i);
  });

  it('explain takes a docker command line apart', async () => {
    const r = await runCoach(['explain', 'docker run -d -p 8080:80 --name web myapp:2.1.0']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('8080');
    expect(r.stdout).toContain('web');
  });

  it.each([
    [['--help'], 0],
    [['ask', '--help'], 0],
    [['classify', '--help'], 0],
    [['chat', '--help'], 0],
    [['why', '--help'], 0],
  ])('%j prints help and exits %i', async (args, code) => {
    const r = await runCoach(args);
    expect(r.code).toBe(code);
    expect(r.stdout).toMatch(/Usage: coach/);
  });

  it.each([
    [['frobnicate'], /unknown command/],
    [['ask'], /needs a question/],
    [['classify', '--nope'], /Unknown option/i],
    [['why', '--port', 'abc'], /--port must be/],
    [[], /./],
  ])('bad usage %j exits 2 with a one-line reason', async (args, reason) => {
    const r = await runCoach(args);
    expect(r.code).toBe(2);
    if (args.length) {
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(reason);
    }
  });

  it('config prints the effective configuration with secrets redacted', async () => {
    const r = await runCoach(['config'], {
      env: cleanEnv({ SLACK_BOT_TOKEN: 'xoxb-very-secret-token', SLACK_SIGNING_SECRET: 'sign-secret-123456' }),
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('very-secret');
    expect(r.stdout).not.toContain('sign-secret-123456');
    expect(JSON.parse(r.stdout).SLACK_BOT_TOKEN).toBe('[redacted]');
  });

  it('config lists every problem at once and exits non-zero', async () => {
    const r = await runCoach(['config'], {
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
    writeFileSync(join(dir, '.env'), 'COACH_MAX_INPUT_CHARS=1234\nPORT=4000\n');
    const r = await runCoach(['config'], { cwd: dir, env: cleanEnv({ PORT: '5000' }) });
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.COACH_MAX_INPUT_CHARS).toBe(1234);
    expect(c.PORT).toBe(5000);
  });
});
