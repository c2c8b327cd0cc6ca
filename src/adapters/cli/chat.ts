// The terminal chat: needs no tokens. On a terminal it is interactive (prompt, history,
// `help`, `exit`); otherwise it answers each line of stdin, in order, and ends with the input.
import { createInterface } from 'node:readline';
import { parseCommandText } from '../../core/command-text.ts';
import type { BotHandle } from '../../core/ports.ts';
import { colour, numberedTargets, plain, renderAnswer } from './render.ts';
import type { Io } from './io.ts';

export interface ChatOptions {
  /** Resolves when the chat should stop taking questions (SIGTERM/SIGINT). */
  stopSignal?: Promise<void>;
}

/** Lines wrap to the terminal's width; 80 columns when it does not say (a pipe, a file). */
const DEFAULT_WIDTH = 80;
const MIN_WIDTH = 30;

export function terminalWidth(io: Io): number {
  const columns = (io.stdout as { columns?: number }).columns;
  return typeof columns === 'number' && columns > 0 ? Math.max(MIN_WIDTH, columns) : DEFAULT_WIDTH;
}

export async function runChat(bot: BotHandle & { readonly hostConnected?: boolean }, io: Io, opts: ChatOptions = {}): Promise<number> {
  const interactive = Boolean(io.stdin.isTTY && io.stdout.isTTY);
  const style = io.stdout.isTTY ? colour : plain;
  const rl = createInterface({
    input: io.stdin,
    output: interactive ? io.stdout : undefined,
    terminal: interactive,
    historySize: 200,
    crlfDelay: Infinity,
  });
  let stopped = false;
  void opts.stopSignal?.then(() => {
    stopped = true;
    rl.close();
  });
  if (interactive) {
    io.stdout.write(
      `${style.bold('container-coach')} — ask about Docker images and containers. Type ${style.code('help')} for what I can do, ${style.code('exit')} to leave.\n`,
    );
    rl.setPrompt(style.dim('docker? › '));
    rl.prompt();
  }
  // The last answer's choices ("More", "did you mean", related), so typing `1`, `2`… picks one (the terminal's buttons).
  let choices: string[] = [];
  // Lines are answered strictly in order, even when an answer waits on the engine.
  for await (const line of rl) {
    const text = line.trim();
    if (/^(exit|quit|bye|:q)$/i.test(text)) break;
    // A bare Enter just asks again; a line of only spaces is a message (and gets a kind reply).
    if (line === '') {
      if (interactive) rl.prompt();
      continue;
    }
    const picked = /^\d{1,2}$/.test(text) ? choices[Number(text) - 1] : undefined;
    const { command, text: rest } = picked ? { command: { kind: 'followup' as const, intent: picked }, text } : parseCommandText(text);
    const answer = await bot.handle({ text: rest, platform: 'cli', conversation: 'cli:chat', hostAllowed: true, command });
    if (answer) {
      choices = numberedTargets(answer);
      io.stdout.write(`${renderAnswer(answer, style, { numbered: true, width: terminalWidth(io) })}\n\n`);
    }
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by the stopSignal callback, unseen by flow analysis
    if (stopped) break;
    if (interactive) rl.prompt();
  }
  rl.close();
  return 0;
}
