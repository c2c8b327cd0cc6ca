// The shared adapter contract, run against Slack: each conversation is a channel + user, each
// message a signed `/docker` slash command through the real Bolt; the reply is read back from
// the response_url, and follow-up buttons are clicked like Slack would post them.
import { makeTestBot } from '../../helpers/bot.ts';
import { runContract, type ContractDriver } from '../../contract/suite.ts';
import { startHarness } from './harness.ts';
import { buttons, plainText } from './requests.ts';
import type { Posted } from './stand-in.ts';

runContract('slack', async (): Promise<ContractDriver> => {
  const h = await startHarness({ bot: makeTestBot() });
  const last = new Map<string, Posted>();
  const where = (conversation: string) => ({ channel: 'C0CONTRACT', user: `U${conversation.replace(/[^A-Za-z0-9]/g, '').toUpperCase()}` });
  return {
    async ask(text, conversation) {
      const { reply } = await h.slash(text, where(conversation));
      last.set(conversation, reply);
      return plainText(reply);
    },
    async clickFollowup(label, conversation) {
      const on = last.get(conversation);
      if (!on) throw new Error(`nothing was said in ${conversation} yet`);
      const button = buttons(on).find((b) => b.action_id.startsWith('followup_') && b.text === label);
      if (!button)
        throw new Error(
          `no follow-up button "${label}" in: ${buttons(on)
            .map((b) => b.text)
            .join(', ')}`,
        );
      const { urlId } = await h.click(on, button, where(conversation));
      const reply = await h.nextPost((p) => p.urlId === urlId);
      last.set(conversation, reply);
      return plainText(reply);
    },
    close: () => h.close(),
  };
});
