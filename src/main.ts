// The entry of `coach` and the head of the composition root (src/app/): reads the
// configuration once (through config.ts) and hands the CLI what it asks for, built by
// app/runtime.ts (core, host, logging, metrics) and app/service.ts (`coach start`).
import { runCli, type CliServices, type Io } from './adapters/cli/cli.ts';
import { buildHosts, listHosts } from './app/host.ts';
import { buildRuntime } from './app/runtime.ts';
import { startService } from './app/service.ts';
import { keepRetention, openConfiguredStore } from './app/store.ts';
import type { Runtime } from './app/types.ts';
import { ConfigError, loadConfig, readEnvironment, redactedConfig, secretValues, type Config } from './config.ts';
import { LOW_CONFIDENCE, buildReport } from './core/report.ts';
import { renderReport } from './adapters/cli/report.ts';
import { createLogger } from './ops/logger.ts';
import { StoreOpenError } from './store/open.ts';

/** Where the configuration comes from (default: this process); tests run the CLI in-process with their own. */
export interface ConfigSource {
  env?: Record<string, string | undefined>;
  cwd?: string;
}

export async function run(
  argv: string[],
  io: Io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
  from: ConfigSource = {},
): Promise<number> {
  const env = await readEnvironment(from.cwd ?? process.cwd(), from.env);
  let config: Config | undefined;
  let problems: ConfigError | undefined;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems = err;
  }
  const command = argv[0] ?? '';
  const needConfig = (): Config => {
    if (!config) throw problems ?? new Error('no configuration');
    return config;
  };
  // The terminal chat (`start` with no Slack or Discord settings) on a terminal shares it with the
  // log: only warnings and errors are logged there, so log lines never interleave with the
  // conversation. Logs redirected to a file or a collector keep the configured level.
  const chatOnly = (c: Config) => !c.slack && !c.discord && Boolean((io.stderr as { isTTY?: boolean }).isTTY);
  const logger = (c: Config, long: boolean) =>
    createLogger({
      level: long ? c.COACH_LOG_LEVEL : quieter(c.COACH_LOG_LEVEL, 'warn'),
      format: c.COACH_LOG_FORMAT ?? ((io.stderr as { isTTY?: boolean }).isTTY ? 'pretty' : 'json'),
      secrets: secretValues(c),
      destination: io.stderr,
    });
  let runtime: Runtime | undefined;
  const runtimeFor = (forceHost: boolean) => {
    const c = needConfig();
    runtime ??= buildRuntime(c, logger(c, command === 'start' && !chatOnly(c)), { forceHost });
    return runtime;
  };

  const services: CliServices = {
    core: () => Promise.resolve(runtimeFor(false)),
    hostBot: () => Promise.resolve(runtimeFor(true).bot),
    hosts: () => listHosts(runtime?.hosts ?? buildHosts(needConfig(), { force: true, logger: logger(needConfig(), false) })),
    config: (o) => {
      if (problems) {
        o.stderr.write(`${problems.message}\n`);
        return Promise.resolve(1);
      }
      o.stdout.write(`${JSON.stringify(redactedConfig(needConfig()), null, 2)}\n`);
      return Promise.resolve(0);
    },
    start: async (o) => {
      const c = needConfig();
      const log = logger(c, !chatOnly(c));
      const store = await openConfiguredStore(c);
      log.info({ engine: store.engine, location: store.location }, 'store open');
      const stopRetention = keepRetention(store, c, log);
      try {
        // The course runs on the same store (one store per process): `/docker learn`, welcome, reminders.
        const { courseOn } = await import('./app/course.ts');
        runtime ??= { ...buildRuntime(c, log, { forceHost: false, store }), course: courseOn(store, c) };
        return await startService(runtime, o);
      } finally {
        stopRetention();
        await runtime?.learning?.flush();
        await store.close();
      }
    },
    report: async (o, opts) => {
      const c = needConfig();
      const store = await openConfiguredStore(c);
      try {
        const since = Date.now() - opts.sinceMs;
        const report = buildReport(await store.readReport(since, LOW_CONFIDENCE, 500), since, c.COACH_STORE_QUESTIONS);
        o.stdout.write(opts.json ? `${JSON.stringify(report)}\n` : `${renderReport(report, opts.style)}\n`);
        return 0;
      } finally {
        await store.close();
      }
    },
    discordRegister: async (o) => {
      const c = needConfig();
      if (!c.discord?.token) {
        o.stderr.write('coach: discord-register needs DISCORD_TOKEN and DISCORD_APPLICATION_ID\n');
        return 1;
      }
      const { registerCommands } = await import('./adapters/discord/register.ts');
      o.stdout.write(
        `${await registerCommands({ applicationId: c.discord.applicationId, token: c.discord.token, ...(c.discord.guildId ? { guildId: c.discord.guildId } : {}), ...(c.discord.apiUrl ? { apiUrl: c.discord.apiUrl } : {}) })}\n`,
      );
      return 0;
    },
    // `coach proxy` (src/proxy/): the read-only Docker API proxy that deploy/compose.yaml runs.
    proxy: async () => (await import('./proxy/run.ts')).runProxy(needConfig(), logger(needConfig(), true)),
    // `coach learn`, `coach report --learning` (src/course/): the store, opened per command.
    learning: async () => (await import('./app/course.ts')).openLearning(needConfig()),
  };

  try {
    return await runCli(argv, io, services);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof StoreOpenError) {
      io.stderr.write(`coach: ${err.message}\n`);
      return 1;
    }
    io.stderr.write(`coach: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

/** The quieter of two log levels (`silent` and `error` stay as set; `debug` becomes `warn`). */
function quieter(a: Config['COACH_LOG_LEVEL'], b: Config['COACH_LOG_LEVEL']): Config['COACH_LOG_LEVEL'] {
  return LEVELS.indexOf(a) >= LEVELS.indexOf(b) ? a : b;
}
