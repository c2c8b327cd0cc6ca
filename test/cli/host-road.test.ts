// `coach why|ps|images` in-process through the CLI's own entry (runCli) with injected services:
// they reach the host through the core (bot.handle) — never the classifier — and keep the
// `--json` contract.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli, type CliServices, type Io } from '../../src/adapters/cli/cli.ts';
import type { HandledRecord } from '../../src/core/ports.ts';
import { discordHost as fakeHost } from '../adapters/discord/fake-host.ts';
import { hostBot, type HostBot } from '../helpers/host-bot.ts';
import { sink } from '../helpers/sink.ts';

function cli(bot: HostBot) {
  const out = sink();
  const err = sink();
  const io: Io = { stdin: new PassThrough(), stdout: out.out, stderr: err.out };
  const refuse = () => Promise.reject(new Error('host commands need only the host bot'));
  const services: CliServices = {
    core: refuse,
    hostBot: () => Promise.resolve(bot),
    config: refuse,
    start: refuse,
    discordRegister: refuse,
    proxy: refuse,
    report: refuse,
  };
  return { run: (argv: string[]) => runCli(argv, io, services), out: out.text, err: err.text };
}

describe('coach why|ps|images through the core', () => {
  it('--json keeps the contract shapes; metrics see each command; nothing is classified', async () => {
    const host = fakeHost({ names: ['web', 'db'] });
    const handled: HandledRecord[] = [];
    const bot = hostBot(host, { onHandled: (r) => handled.push(r) });
    const why = cli(bot);
    expect(await why.run(['why', 'web', '--port', '8080', '--json'])).toBe(0);
    expect(Object.keys(JSON.parse(why.out()) as object)).toEqual(['host', 'subject', 'findings']);
    const ps = cli(bot);
    expect(await ps.run(['ps', '--all', '--json'])).toBe(0);
    expect((JSON.parse(ps.out()) as { names: string[] }[]).map((c) => c.names[0])).toEqual(['web', 'db']);
    const images = cli(bot);
    expect(await images.run(['images', '--json'])).toBe(0);
    expect(Object.keys((JSON.parse(images.out()) as object[])[0]!)).toEqual(['tags', 'id', 'size', 'created', 'containers']);
    expect(host.calls).toEqual(['diagnose web 8080', 'listContainers --all', 'listImages']);
    expect(handled.map((h) => [h.platform, h.intent])).toEqual([
      ['cli', 'diagnose.missing_container'],
      ['cli', 'host.list_containers'],
      ['cli', 'host.list_images'],
    ]);
    expect(bot.classifyCalls()).toBe(0);
  });

  it('human output is the chat renderer', async () => {
    const c = cli(hostBot(fakeHost({ names: ['web'] })));
    expect(await c.run(['ps'])).toBe(0);
    expect(c.out()).toMatch(/^Running containers on the host\n/);
  });

  it('a name far too long is refused before the host (exit 2, kind words)', async () => {
    const host = fakeHost();
    const c = cli(hostBot(host));
    expect(await c.run(['why', 'x'.repeat(5000)])).toBe(2);
    expect(c.out()).toMatch(/does not look like a container or image name/);
    expect(host.calls).toEqual([]);
    const j = cli(hostBot(host));
    expect(await j.run(['why', 'x'.repeat(5000), '--json'])).toBe(2);
    expect(JSON.parse(j.out())).toMatchObject({
      error: { kind: 'input_problem', message: expect.stringMatching(/container or image name/) },
    });
  });
});
