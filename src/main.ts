// The composition root: the only file that wires real implementations together. It reads
// the configuration once (through config.ts), builds the knowledge base, the NLU, the host,
// the adapters, logging and metrics, and hands the CLI what it asks for.
import { fileURLToPath } from 'node:url';
import { runCli, type CliServices, type Io } from './adapters/cli/cli.ts';
import { ConfigError, loadConfig, readEnvironment, redactedConfig, secretValues, type Config } from './config.ts';
import { createBot, type Bot } from './core/bot.ts';
import type { HostPort, Nlu } from './core/ports.ts';
import { loadKnowledge } from './knowledge/load.ts';
import { createNlu } from './nlu/index.ts';
import { createLogger, type Logger } from './ops/logger.ts';
import { createMetrics, type Metrics } from './ops/metrics.ts';
import { startService } from './service.ts';
import { buildHost } from './wiring/host.ts';

export const INTENTS_DIR = fileURLToPath(new URL('../intents', import.meta.url));

export interface Runtime {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  bot: Bot;
  nlu: Nlu;
  host?: HostPort;
}

/** Builds the core: knowledge base, NLU, the optional host, and the bot with logging and metrics. */
export function buildRuntime(config: Config, logger: Logger, opts: { forceHost?: boolean } = {}): Runtime {
  const kb = loadKnowledge(INTENTS_DIR);
  const nlu = createNlu(kb, config.COACH_CONFIDENCE_THRESHOLD !== undefined ? { threshold: config.COACH_CONFIDENCE_THRESHOLD } : {});
  const metrics = createMetrics({ defaults: true });
  const host = buildHost(config, { force: opts.forceHost ?? false, logger });
  const bot = createBot({
    knowledge: kb,
    nlu,
    ...(host ? { host } : {}),
    maxInputChars: config.COACH_MAX_INPUT_CHARS,
    contextTtlMs: config.COACH_CONTEXT_TTL_MINUTES * 60_000,
    hostDeadlineMs: config.COACH_ENGINE_TIMEOUT_MS * 3 + 1000,
    onHandled: (r) => {
      metrics.handled(r);
      logger.info(
        {
          platform: r.platform,
          intent: r.intent,
          kind: r.kind,
          confidence: Math.round(r.confidence * 1000) / 1000,
          latencyMs: Math.round(r.latencyMs * 10) / 10,
          hostUsed: r.hostUsed,
          ...(r.engineError ? { engineError: r.engineError } : {}),
          ...(config.COACH_LOG_QUESTIONS ? { question: r.text } : {}),
        },
        'answered',
      );
    },
    onError: (err, q) => {
      logger.error({ err, platform: q.platform }, 'error while answering');
    },
    onFeedback: (r) => {
      metrics.feedback(r);
      logger.info({ platform: r.platform, intent: r.intent, confidence: r.confidence, vote: r.vote }, 'feedback');
    },
  });
  return { config, logger, metrics, bot, nlu, ...(host ? { host } : {}) };
}

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
  const logger = (c: Config, long: boolean) =>
    createLogger({
      level: long ? c.COACH_LOG_LEVEL : 'warn',
      format: c.COACH_LOG_FORMAT ?? ((io.stderr as { isTTY?: boolean }).isTTY ? 'pretty' : 'json'),
      secrets: secretValues(c),
    });
  let runtime: Runtime | undefined;
  const runtimeFor = (forceHost: boolean) => {
    const c = needConfig();
    runtime ??= buildRuntime(c, logger(c, command === 'start'), { forceHost });
    return runtime;
  };

  const services: CliServices = {
    core: async () => runtimeFor(false),
    host: async () => {
      const r = runtimeFor(true);
      if (!r.host) throw new Error('no host');
      return r.host;
    },
    hostCommands: () => import('./adapters/cli/host-commands.ts'),
    config: async (o) => {
      if (problems) {
        o.stderr.write(`${problems.message}\n`);
        return 1;
      }
      o.stdout.write(`${JSON.stringify(redactedConfig(needConfig()), null, 2)}\n`);
      return 0;
    },
    start: async (o) => startService(runtimeFor(false), o),
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
  };

  try {
    return await runCli(argv, io, services);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr.write(`coach: ${err.message}\n`);
      return 1;
    }
    io.stderr.write(`coach: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
