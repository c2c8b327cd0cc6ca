// The `coach` command: parses arguments, asks the composition root (main.ts) for what it
// needs, prints. Exit codes: 0 success, 1 failure (bad configuration…), 2 bad usage.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Bot } from '../../core/bot.ts';
import type { BotHandle, Nlu } from '../../core/ports.ts';
import type { Learning } from '../../course/learning.ts';
import { emptyEntities, type Question } from '../../core/types.ts';
import { runChat, terminalWidth } from './chat.ts';
import { parseSince } from '../../core/report.ts';
import { runImages, runPs, runWhy } from './host-commands.ts';
import { LEARN_OPTIONS, LEARN_USAGE, LearnUsageError, REPORT_OPTIONS, REPORT_USAGE, runLearn, runLearningReport } from './learn.ts';
import { colour, plain, renderAnswer, type Style } from './render.ts';

import type { Io } from './io.ts';

export type { Io } from './io.ts';

/** One line of `coach hosts --json`. */
export interface HostListing {
  name: string;
  /** Credentials redacted. */
  url: string;
  default: boolean;
  reachable: boolean;
  engineVersion: string | null;
}

/** What the CLI needs from the composition root; each is built only when a command needs it. */
export interface CliServices {
  core(): Promise<{ bot: Bot; nlu: Nlu }>;
  /**
   * The core with the Docker host always connected (the CLI's host commands always try the
   * engine, so a missing engine is explained). why/ps/images never classify: this bot need not
   * have a trained classifier.
   */
  hostBot(): Promise<BotHandle>;
  /** `coach hosts`: every configured host, each asked whether it answers (within its time limit). */
  hosts?(): Promise<HostListing[]>;
  /** `coach config`: prints the effective configuration, returns the exit code. */
  config(io: Io): Promise<number>;
  /** `coach start`: every configured adapter, or the terminal chat. Resolves with the exit code. */
  start(io: Io): Promise<number>;
  /** `coach discord-register`. */
  discordRegister(io: Io): Promise<number>;
  /** `coach proxy`: the read-only Docker API proxy (src/proxy/); resolves with the exit code after SIGTERM. */
  proxy(io: Io): Promise<number>;
  /** `coach report`: the learning report from the store, for questions in the last `sinceMs`. */
  report(io: Io, opts: { sinceMs: number; json: boolean; style: Style }): Promise<number>;
  /** `coach learn`, `coach report --learning`: the onboarding course on the store (closed after each command). */
  learning?(): Promise<Learning>;
}

const USAGE: Record<string, string> = {
  '': `coach — answers questions about Docker images and containers, and looks at a Docker host (read-only)

Usage: coach <command> [options]

Commands:
  ask "question"              answer one question
  chat                        interactive terminal chat (reads lines from stdin when not a terminal)
  classify [--json] ["q"]     show the intent, confidence and entities (stdin: one question per line)
  explain "docker …"          explain a docker command line part by part
  why [NAME] [--port N] [--host H] [--json]   diagnose a container on the connected host
  ps [--all] [--host H] [--json]   list containers on the connected host
  images [--host H] [--json]  list images on the connected host
  hosts [--json]              list the configured Docker hosts and whether each answers
  config                      print the effective configuration (secrets redacted)
  start                       run the configured Slack/Discord adapters, or the terminal chat
  discord-register            register the /docker command with Discord
  proxy                       read-only Docker API proxy in front of the engine socket (deploy/compose.yaml)
  report [--since 7d] [--json]   what people asked, what the bot could not answer yet (from the store)
  report --learning [--json]  the onboarding course's scorecard
  learn --user NAME           the onboarding course: next lesson, --answer N, --progress, --stop

Run "coach <command> --help" for more.`,
  ask: 'Usage: coach ask "question"\n\nPrints the answer to one question.',
  chat: 'Usage: coach chat\n\nInteractive chat: type a question, `help`, or `exit`. When stdin is not a terminal, answers each line and exits at the end of input.',
  classify:
    'Usage: coach classify [--json] ["question"]\n\nPrints {"text","intent","confidence","alternatives","entities"}. Without a question, reads one per line from stdin and prints JSON Lines.',
  explain: 'Usage: coach explain "docker run -d -p 8080:80 --name web myapp:2.1.0"\n\nExplains a docker command line part by part.',
  why: 'Usage: coach why [NAME] [--port N] [--host H] [--json]\n\nLooks at a connected Docker host (read-only) and says why a container is missing or not reachable. --host: which host (COACH_HOSTS); default: the default host, or, for a NAME, every host (it says where NAME is).',
  ps: 'Usage: coach ps [--all] [--host H] [--json]\n\nLists containers on a connected host (running only, or --all); --host: which one (default: the default host).',
  images: 'Usage: coach images [--host H] [--json]\n\nLists images on a connected host and which containers use them; --host: which one.',
  hosts:
    'Usage: coach hosts [--json]\n\nLists the configured Docker hosts (COACH_HOSTS, or the one called `default`): name, address (credentials redacted), which is the default, whether it answers and its engine version. Exits 1 when one does not answer.',
  config:
    'Usage: coach config\n\nPrints the effective configuration with secrets redacted; exits 1 listing every problem when it is invalid.',
  start: 'Usage: coach start\n\nRuns every adapter whose settings are present (Slack, Discord); the terminal chat when none is.',
  'discord-register':
    'Usage: coach discord-register\n\nRegisters the /docker command (guild when DISCORD_GUILD_ID is set, global otherwise) and prints what changed.',
  proxy:
    'Usage: coach proxy\n\nServes the Docker API read-only on COACH_PROXY_LISTEN, forwarding to COACH_PROXY_UPSTREAM: only the GET requests the bot makes, with environment values, secret-shaped labels and arguments, and exec command lines removed from every answer. Stops on SIGTERM.',
  learn: LEARN_USAGE,
  report: `Usage: coach report [--since 7d] [--json]
       coach report --learning [--json]

From the store (COACH_DATA_DIR or DATABASE_URL): questions per day, answers per topic with their "not understood", unsure and 👎 counts, and the questions not answered well yet, grouped by similarity under the nearest topic. --since takes hours, days or weeks (24h, 7d, 2w; default 7d).

${REPORT_USAGE}`,
};

const OPTIONS: Record<string, ParseArgsConfig['options']> = {
  learn: LEARN_OPTIONS,
  report: { ...REPORT_OPTIONS, since: { type: 'string' } },
  ask: {},
  chat: {},
  classify: { json: { type: 'boolean' } },
  explain: {},
  why: { port: { type: 'string', short: 'p' }, host: { type: 'string', short: 'H' }, json: { type: 'boolean' } },
  ps: { all: { type: 'boolean', short: 'a' }, host: { type: 'string', short: 'H' }, json: { type: 'boolean' } },
  images: { host: { type: 'string', short: 'H' }, json: { type: 'boolean' } },
  hosts: { json: { type: 'boolean' } },
  config: {},
  start: {},
  'discord-register': {},
  proxy: {},
};

class UsageError extends Error {}

export async function runCli(argv: string[], io: Io, services: CliServices): Promise<number> {
  const [cmd = '', ...rest] = argv;
  if (cmd === '' || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    io.stdout.write(`${USAGE['']}\n`);
    return cmd === '' ? 2 : 0;
  }
  if (cmd === '--version' || cmd === '-v') {
    io.stdout.write('container-coach\n');
    return 0;
  }
  const options = OPTIONS[cmd];
  if (!options) return usage(io, `unknown command "${cmd}" (try "coach --help")`);
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs<ParseArgsConfig>({
      args: rest,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }) as typeof parsed;
  } catch (err) {
    return usage(io, (err as Error).message.split('\n')[0] ?? 'bad arguments');
  }
  if (parsed.values['help']) {
    io.stdout.write(`${USAGE[cmd]}\n`);
    return 0;
  }
  try {
    return await dispatch(cmd, parsed.values, parsed.positionals, io, services);
  } catch (err) {
    if (err instanceof UsageError || err instanceof LearnUsageError) return usage(io, err.message);
    throw err;
  }
}

function usage(io: Io, reason: string): number {
  io.stderr.write(`coach: ${reason}\n`);
  return 2;
}

async function dispatch(
  cmd: string,
  v: Record<string, string | boolean | undefined>,
  pos: string[],
  io: Io,
  s: CliServices,
): Promise<number> {
  const style: Style = io.stdout.isTTY ? colour : plain;
  switch (cmd) {
    case 'ask':
    case 'explain': {
      const text = pos.join(' ').trim();
      if (!text)
        throw new UsageError(
          `${cmd} needs ${cmd === 'ask' ? 'a question' : 'a docker command line'}, e.g. coach ${cmd} "${cmd === 'ask' ? 'what is a docker image' : 'docker ps -a'}"`,
        );
      const { bot } = await s.core();
      const q: Question = {
        text,
        platform: 'cli',
        conversation: 'cli:once',
        hostAllowed: true,
        ...(cmd === 'explain' ? { command: { kind: 'explain', line: text } } : {}),
      };
      const answer = await bot.handle(q);
      if (answer) io.stdout.write(`${renderAnswer(answer, style, io.stdout.isTTY ? { width: terminalWidth(io) } : {})}\n`);
      return 0;
    }
    case 'classify':
      return classify(pos.join(' ').trim(), io, s);
    case 'chat':
      if (pos.length) throw new UsageError('chat takes no arguments');
      return runChat((await s.core()).bot, io);
    case 'why': {
      if (pos.length > 1) throw new UsageError('why takes at most one NAME');
      const port = v['port'] === undefined ? undefined : Number(v['port']);
      if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65535))
        throw new UsageError(`--port must be a port number (1-65535), got "${String(v['port'])}"`);
      const name = pos[0];
      const o = {
        ...(name !== undefined ? { name } : {}),
        ...(port !== undefined ? { port } : {}),
        ...hostOption(v),
        json: Boolean(v['json']),
        style,
      };
      return runWhy(await s.hostBot(), o, io.stdout);
    }
    case 'ps':
    case 'images': {
      if (pos.length) throw new UsageError(`${cmd} takes no arguments`);
      const bot = await s.hostBot();
      const o = { ...hostOption(v), json: Boolean(v['json']), style };
      return cmd === 'ps' ? runPs(bot, { ...o, all: Boolean(v['all']) }, io.stdout) : runImages(bot, o, io.stdout);
    }
    case 'hosts':
      if (pos.length) throw new UsageError('hosts takes no arguments');
      return printHosts((await s.hosts?.()) ?? [], Boolean(v['json']), io);
    case 'config':
      return s.config(io);
    case 'start':
      return s.start(io);
    case 'discord-register':
      return s.discordRegister(io);
    case 'proxy':
      if (pos.length) throw new UsageError('proxy takes no arguments (settings: COACH_PROXY_*)');
      return s.proxy(io);
    case 'learn': {
      const learning = s.learning?.bind(s);
      if (!learning) throw new UsageError('learn needs the store, which this build does not provide');
      return runLearn(v, pos, io, learning);
    }
    case 'report': {
      if (pos.length) throw new UsageError('report takes no arguments');
      if (v['learning']) {
        const learning = s.learning?.bind(s);
        if (!learning) throw new UsageError('report --learning needs the store, which this build does not provide');
        return runLearningReport(v, io, learning);
      }
      const since = typeof v['since'] === 'string' ? v['since'] : '7d';
      const sinceMs = parseSince(since);
      if (sinceMs === null) throw new UsageError(`--since must be a duration such as 24h, 7d or 2w, got "${since}"`);
      return s.report(io, { sinceMs, json: Boolean(v['json']), style });
    }
  }
  throw new UsageError(`unknown command "${cmd}"`);
}

function hostOption(v: Record<string, string | boolean | undefined>): { host?: string } {
  const h = v['host'];
  if (h === undefined) return {};
  if (typeof h !== 'string' || !/^[a-z][a-z0-9-]{0,31}$/i.test(h))
    throw new UsageError(`--host must be a host name from COACH_HOSTS, got "${String(h)}"`);
  return { host: h.toLowerCase() };
}

function printHosts(list: HostListing[], json: boolean, io: Io): number {
  if (json) io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
  else if (list.length === 0) io.stdout.write('No Docker host is configured (COACH_DOCKER=off).\n');
  else
    for (const h of list)
      io.stdout.write(
        `${h.default ? '*' : ' '} ${h.name}  ${h.url}  ${h.reachable ? `reachable, engine ${h.engineVersion ?? 'unknown'}` : 'NOT reachable'}\n`,
      );
  return list.every((h) => h.reachable) ? 0 : 1;
}

async function classify(text: string, io: Io, s: CliServices): Promise<number> {
  const { nlu } = await s.core();
  const one = (t: string) => {
    const c = nlu.classify(t);
    let entities = emptyEntities();
    try {
      entities = nlu.entities(t);
    } catch {
      // entities are a best effort; the classification is still useful
    }
    return {
      text: t,
      intent: c.intent,
      // The answer unit is an extra field (the contract's `intent` stays a topic id or `none`).
      ...(c.unit !== undefined ? { unit: `${c.intent}/${c.unit}` } : {}),
      confidence: round(c.confidence),
      alternatives: c.alternatives.map((a) => ({ intent: a.intent, confidence: round(a.confidence) })),
      entities,
    };
  };
  if (text) {
    io.stdout.write(`${JSON.stringify(one(text))}\n`);
    return 0;
  }
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: io.stdin, crlfDelay: Infinity, terminal: false });
  for await (const line of rl) io.stdout.write(`${JSON.stringify(one(line))}\n`);
  return 0;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
