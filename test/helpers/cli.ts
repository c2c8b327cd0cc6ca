// The `coach` command in-process: its own entry functions with in-memory stdin/stdout/stderr,
// so a CLI test costs milliseconds instead of a Node process (and a classifier training) each.
// - runCliWith(): runCli() with the test's services (the real bot and NLU from test/helpers/bot.ts,
//   trained once per file); a service the test did not expect throws, and `used` lists each call.
// - runMain(): main.ts's run(), the real composition root, with an injected environment and
//   working directory (for `config` and `.env`). Only commands that need no classifier go here.
// test/cli/smoke.test.ts is the one test that spawns the real bin/coach.js.
import { Readable } from 'node:stream';
import type { CliServices, Io } from '../../src/adapters/cli/cli.ts';
import { runCli } from '../../src/adapters/cli/cli.ts';
import { run } from '../../src/main.ts';
import { makeTestBot, realParts } from './bot.ts';
import { sink } from './sink.ts';
import { cleanEnv } from './spawn.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function memoryIo(input: string): { io: Io; result: (code: number) => CliResult } {
  const out = sink();
  const err = sink();
  const io: Io = { stdin: Readable.from(input ? [input] : []), stdout: out.out, stderr: err.out };
  return { io, result: (code) => ({ code, stdout: out.text(), stderr: err.text() }) };
}

/** Services for runCli: the real bot and NLU; everything else fails loudly unless given. */
export function testServices(given: Partial<CliServices> = {}): CliServices & { used: string[] } {
  const used: string[] = [];
  const unexpected = (what: string) => () => Promise.reject(new Error(`this test did not expect the CLI to ask for ${what}`));
  const services: CliServices = {
    core: () => Promise.resolve({ bot: makeTestBot(), nlu: realParts().nlu }),
    hostBot: unexpected('the host bot'),
    config: unexpected('the configuration'),
    start: unexpected('start'),
    discordRegister: unexpected('discord-register'),
    proxy: unexpected('the proxy'),
    report: unexpected('the report'),
    ...given,
  };
  const counted = Object.fromEntries(
    Object.entries(services).map(([name, fn]) => [
      name,
      (...args: unknown[]) => {
        used.push(name);
        return (fn as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as unknown as CliServices;
  return Object.assign(counted, { used });
}

/** `coach <argv>` through runCli() with in-memory I/O. */
export async function runCliWith(argv: string[], opts: { input?: string; services?: CliServices } = {}): Promise<CliResult> {
  const { io, result } = memoryIo(opts.input ?? '');
  return result(await runCli(argv, io, opts.services ?? testServices()));
}

/** `coach <argv>` through main.ts's run(): the real wiring, a clean environment, in-memory I/O. */
export async function runMain(
  argv: string[],
  opts: { input?: string; env?: Record<string, string>; cwd?: string } = {},
): Promise<CliResult> {
  const { io, result } = memoryIo(opts.input ?? '');
  return result(await run(argv, io, { env: opts.env ?? cleanEnv(), ...(opts.cwd ? { cwd: opts.cwd } : {}) }));
}
