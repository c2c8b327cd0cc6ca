// Near misses around the word "VM" (issue 13, "What was seen"): a question about virtual machines
// or hardware is declined, while questions about containers compared with VMs are still answered.
// A machine word with none of the bot's own words counts as a neighbouring topic's (src/nlu/domain.ts).
import { describe, expect, it } from 'vitest';
import { realParts } from '../helpers/bot.ts';

const { nlu } = realParts();

describe('near misses about machines, not containers', () => {
  it.each([
    "what's the best laptop for running VMs?",
    'best pc for running vms at home',
    'which hypervisor should I install on my old server',
    'my virtualbox guest has no internet',
    'how much ram should my next laptop have',
  ])('declines "%s"', (text) => {
    expect(nlu.classify(text).intent).toBe('none');
  });

  it.each(['docker container vs vm', 'is a container a lightweight vm', 'why do containers start faster than VMs'])(
    'still answers "%s" about containers',
    (text) => {
      expect(nlu.classify(text).intent).toBe('concept.container');
    },
  );
});
