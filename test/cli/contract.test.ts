// The shared adapter contract, run against the terminal chat (the real runChat and renderer,
// over in-memory streams; one chat session per conversation, as in a terminal).
import { PassThrough } from 'node:stream';
import { runChat } from '../../src/adapters/cli/chat.ts';
import { makeTestBot } from '../helpers/bot.ts';
import { waitFor } from '../helpers/wait.ts';
import { runContract, type ContractDriver } from '../contract/suite.ts';

interface Session {
  input: PassThrough;
  output: string;
  done: Promise<number>;
}

function cliDriver(): Promise<ContractDriver> {
  const bot = makeTestBot();
  const sessions = new Map<string, Session>();
  const session = (key: string): Session => {
    let s = sessions.get(key);
    if (!s) {
      const input = new PassThrough();
      const output = new PassThrough();
      const created: Session = { input, output: '', done: Promise.resolve(0) };
      output.on('data', (d: Buffer) => (created.output += d.toString()));
      created.done = runChat(bot, { stdin: input, stdout: output, stderr: output });
      sessions.set(key, created);
      s = created;
    }
    return s;
  };
  const send = async (text: string, conversation: string) => {
    const s = session(conversation);
    const before = s.output.length;
    s.input.write(`${text}\n`);
    // An answer ends with a blank line; wait (bounded) until one arrives.
    return waitFor('the chat to answer', () => {
      const answer = s.output.slice(before);
      return answer.endsWith('\n\n') && answer;
    });
  };
  return Promise.resolve({
    ask: (text, conversation) => send(text, conversation),
    async clickFollowup(label, conversation) {
      // Choices are numbered `[n] label` (lines wrap, so spaces are read as one).
      const s = session(conversation);
      // The last answer's numbers count: the latest `[n] label` in the output.
      const said = s.output.replace(/\s+/g, ' ');
      const picked = [...said.matchAll(/\[(\d+)\] ([^·[]+)/g)].filter((m) => (m[2] ?? '').trim().startsWith(label)).at(-1);
      if (!picked) throw new Error(`no numbered choice "${label}" in: ${said}`);
      return send(picked[1] ?? '', conversation);
    },
    async close() {
      for (const s of sessions.values()) {
        s.input.end();
        await s.done;
      }
    },
  });
}

runContract('cli', cliDriver);
