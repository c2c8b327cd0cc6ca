// The help topic is about the bot (src/nlu/about-the-bot.ts): a message that names Docker's objects
// without addressing the bot is answered by the next topic, not by the bot's own help.
import { describe, expect, it } from 'vitest';
import type { Classification } from '../../src/core/ports.ts';
import { aboutDockerNotTheBot, asideFromHelp } from '../../src/nlu/about-the-bot.ts';
import { knowledgeBase, realParts } from '../helpers/bot.ts';

describe('aboutDockerNotTheBot', () => {
  it.each([
    'Is there a way to see what command a container was started with?',
    'what commands do I need to know for docker images and containers',
    'which command lists volumes',
  ])('%s: about Docker', (text) => {
    expect(aboutDockerNotTheBot(text)).toBe(true);
  });

  it.each([
    'what sort of docker stuff can I ask you about?',
    'can u look at my containers',
    'is there a ps command in this bot',
    'docker help',
    '/docker why my-api',
    'what commands can I use',
    'how does this thing work',
  ])('%s: addressed to the bot, or not about Docker', (text) => {
    expect(aboutDockerNotTheBot(text)).toBe(false);
  });
});

describe('asideFromHelp', () => {
  const kb = knowledgeBase();
  const help = kb.intents.find((i) => i.action === 'help')?.id as string;
  const docker = 'Is there a way to see what command a container was started with?';

  it('answers with the next topic when help came first', () => {
    const c: Classification = {
      intent: help,
      confidence: 0.5,
      alternatives: [
        { intent: 'command.logs', confidence: 0.3 },
        { intent: 'command.ps', confidence: 0.1 },
      ],
    };
    expect(asideFromHelp(kb, c, docker)).toEqual({
      intent: 'command.logs',
      confidence: 0.3,
      alternatives: [{ intent: 'command.ps', confidence: 0.1 }],
    });
  });

  it('takes help out of the alternatives, so a confident help unit cannot bring it back', () => {
    const c: Classification = { intent: 'command.logs', confidence: 0.3, alternatives: [{ intent: help, confidence: 0.25 }] };
    expect(asideFromHelp(kb, c, docker)).toEqual({ intent: 'command.logs', confidence: 0.3, alternatives: [] });
  });

  it('keeps help when no other topic is a real candidate, or when the bot is addressed', () => {
    const weak: Classification = { intent: help, confidence: 0.8, alternatives: [{ intent: 'command.ps', confidence: 0.05 }] };
    expect(asideFromHelp(kb, weak, 'list of docker commands for beginners')).toBe(weak);
    const addressed: Classification = { intent: help, confidence: 0.6, alternatives: [{ intent: 'command.ps', confidence: 0.3 }] };
    expect(asideFromHelp(kb, addressed, 'which docker commands do you understand')).toBe(addressed);
  });
});

describe('the real NLU', () => {
  const { nlu } = realParts();

  it('answers "what command was this container started with" with the unit about a container\'s command, not the bot\'s commands', () => {
    const c = nlu.classify('Is there a way to see what command a container was started with?');
    expect(`${c.intent}/${c.unit ?? ''}`).toBe('command.logs/inspect_env');
  });

  it('still answers questions about the bot with help', () => {
    for (const text of [
      'what sort of docker stuff can I ask you about?',
      'what commands can I use',
      'can you look at the containers on our server?',
    ])
      expect(nlu.classify(text).intent).toBe(help());
  });
});

function help(): string {
  return knowledgeBase().intents.find((i) => i.action === 'help')?.id as string;
}
