// `coach why`, `coach ps`, `coach images`: the connected host, in the terminal, through the core
// (bot.handle): the same access rule, deadline, metrics and renderer as a chat answer, and no
// classifier (an explicit command names its intent). `--json` prints the contract shapes from the
// answer's data: `{"host","subject","findings"}` for why, arrays of plain objects for ps/images,
// `{"error": finding}` when the engine could not be read.
// Exit codes: 0 done, 1 the engine could not be read (or no host), 2 the name is not a name.
import { blocksToPlainText } from '../../core/markdown.ts';
import type { BotHandle } from '../../core/ports.ts';
import type { Answer, Command, HostData } from '../../core/types.ts';
import { plain, renderAnswer, type Style } from './render.ts';

type Out = NodeJS.WritableStream;

export interface HostCommandOptions {
  json: boolean;
  /** `--host NAME`: which configured host to ask. */
  host?: string;
  /** Terminal styling for human output (plain when omitted). */
  style?: Style;
}

export async function runWhy(bot: BotHandle, o: HostCommandOptions & { name?: string; port?: number }, out: Out): Promise<number> {
  const text = ['why', o.name, o.port !== undefined ? `--port ${o.port}` : undefined].filter((x) => x !== undefined).join(' ');
  const command: Command = {
    kind: 'why',
    ...(o.name !== undefined ? { name: o.name } : {}),
    ...(o.port !== undefined ? { port: o.port } : {}),
  };
  return print(await ask(bot, text, command, o.host), o, out, (data) => {
    if (data.kind === 'diagnosis') {
      const d = data.diagnosis;
      return {
        // The host-wide look adds its counts ("…and N more"), the same numbers the chat shows.
        json: { host: d.host, subject: d.subject, findings: d.findings, ...(d.overview ? { overview: d.overview } : {}) },
        failed: d.findings.some((f) => f.code === 'daemon_unreachable'),
      };
    }
    if (data.kind === 'error')
      return { json: { host: data.finding.subject, subject: o.name ?? null, findings: [data.finding] }, failed: true };
    return undefined;
  });
}

export async function runPs(bot: BotHandle, o: HostCommandOptions & { all: boolean }, out: Out): Promise<number> {
  return print(await ask(bot, o.all ? 'ps --all' : 'ps', { kind: 'ps', all: o.all }, o.host), o, out, (data) => {
    if (data.kind !== 'containers') return undefined;
    const rows = data.containers.map((c) => ({
      id: c.id,
      names: c.names,
      image: c.image,
      imageId: c.imageId,
      state: c.state,
      status: c.status,
      exitCode: c.exitCode,
      ports: c.ports,
      created: c.created,
    }));
    return { json: rows, failed: false };
  });
}

export async function runImages(bot: BotHandle, o: HostCommandOptions, out: Out): Promise<number> {
  return print(await ask(bot, 'images', { kind: 'images' }, o.host), o, out, (data) => {
    if (data.kind !== 'images') return undefined;
    const rows = data.images.map((i) => ({ tags: i.tags, id: i.id, size: i.size, created: i.created, containers: i.containers }));
    return { json: rows, failed: false };
  });
}

async function ask(bot: BotHandle, text: string, command: Command, host?: string): Promise<Answer | null> {
  return bot.handle({
    text,
    platform: 'cli',
    conversation: 'cli:once',
    hostAllowed: true,
    command,
    ...(host !== undefined ? { host } : {}),
  });
}

/** The command's JSON for the data it expects, and whether that data says the engine failed. */
type Shape = (data: HostData) => { json: unknown; failed: boolean } | undefined;

function print(a: Answer | null, o: HostCommandOptions, out: Out, shape: Shape): number {
  if (!a) return 1;
  const shaped = a.data ? shape(a.data) : undefined;
  const code = exitCode(a, shaped);
  if (!o.json) {
    out.write(`${renderAnswer(a, o.style ?? plain)}\n`);
    return code;
  }
  if (shaped) out.write(`${JSON.stringify(shaped.json, null, 2)}\n`);
  else if (a.data?.kind === 'error') out.write(`${JSON.stringify({ error: a.data.finding }, null, 2)}\n`);
  else out.write(`${JSON.stringify({ error: { kind: a.kind, message: blocksToPlainText(a.blocks), notices: a.notices } }, null, 2)}\n`);
  return code;
}

function exitCode(a: Answer, shaped: { failed: boolean } | undefined): number {
  if (shaped) return shaped.failed ? 1 : 0;
  return a.kind === 'input_problem' ? 2 : 1;
}
