// One adapter contract suite (as hono's runTest): the same conversations and the same
// expected answers, run against every adapter (CLI, Slack, Discord). Each adapter's test
// supplies a driver that talks to the real platform library and returns the plain text of
// what the bot sent back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realParts } from '../helpers/bot.ts';

export interface ContractDriver {
  /**
   * Sends `text` as a person would on that platform (a slash command, a message) in the
   * conversation `conversation` (adapters map it to a channel/thread/user), and returns the
   * plain text of the whole reply (title, body, findings, commands, button labels), with
   * the platform's own escaping undone (`&amp;` → `&` …).
   */
  ask(text: string, conversation: string): Promise<string>;
  /** Clicks the follow-up button whose label is `label` on the last reply in `conversation`. */
  clickFollowup?(label: string, conversation: string): Promise<string>;
  close(): Promise<void>;
}

interface Step {
  say: string;
  /** The reply must contain the title of this intent. */
  intent?: string;
  contains?: string[];
  notContains?: string[];
}

interface Conversation {
  name: string;
  steps: Step[];
}

/** The title of the answer to a question the bot could not match (src/core/answers.ts). */
const NOT_SURE = 'Not sure I can help with that';

export const conversations: Conversation[] = [
  {
    name: 'answers a concept question',
    steps: [{ say: 'what is the difference between a docker image and a container', intent: 'concept.difference' }],
  },
  { name: 'answers a common mistake', steps: [{ say: 'I built my image but docker ps shows nothing', intent: 'mistake.ps_vs_images' }] },
  { name: 'help is built from the intents', steps: [{ say: 'help', contains: ['Common mistakes', 'Commands explained'] }] },
  {
    name: 'a follow-up keeps the conversation context',
    steps: [
      { say: 'what does docker ps show?', intent: 'command.ps' },
      { say: 'and what about stopped ones?', intent: 'command.ps' },
    ],
  },
  {
    name: 'explains a docker command line part by part',
    steps: [{ say: 'explain docker run -d -p 8080:80 --name web myapp:2.1.0', contains: ['-p 8080:80', '--name web', '2.1.0'] }],
  },
  {
    name: 'out of scope comes back as none',
    steps: [{ say: 'my kubernetes pod is in CrashLoopBackOff', contains: ['I could not match that to something I know'] }],
  },
  { name: 'an empty message gets a kind message', steps: [{ say: '   ', contains: ['I got an empty message'] }] },
];

export function runContract(adapter: string, makeDriver: () => Promise<ContractDriver>): void {
  describe(`adapter contract: ${adapter}`, () => {
    // Undefined only when makeDriver() failed (beforeAll then fails every test).
    let driver: ContractDriver | undefined;
    const { kb } = realParts();
    beforeAll(async () => {
      driver = await makeDriver();
    });
    afterAll(async () => {
      await driver?.close();
    });
    conversations.forEach((c, n) => {
      it(c.name, async () => {
        const conversation = `contract-${n}`;
        for (const step of c.steps) {
          const reply = await driver!.ask(step.say, conversation);
          if (step.intent) {
            const title = kb.get(step.intent)?.title;
            expect(title, `unknown intent ${step.intent}`).toBeDefined();
            expect(reply, `"${step.say}" should be answered by ${step.intent}`).toContain(title);
            // A "not sure" answer lists likely topics by title: the title alone could pass on a wrong answer.
            expect(reply, `"${step.say}" was answered as out of scope`).not.toContain(NOT_SURE);
          }
          for (const s of step.contains ?? []) expect(reply.toLowerCase()).toContain(s.toLowerCase());
          for (const s of step.notContains ?? []) expect(reply).not.toContain(s);
        }
      });
    });
    it('a follow-up button runs that follow-up in the same conversation', async () => {
      if (!driver?.clickFollowup) return expect.fail(`${adapter} driver has no clickFollowup`);
      await driver.ask('what is a docker image', 'contract-button');
      const label = kb.get(kb.get('concept.image')!.followups[0]!)!.title;
      const reply = await driver.clickFollowup(label, 'contract-button');
      expect(reply).toContain(label);
    });
  });
}
