import { describe, expect, it } from 'vitest';
import { withoutFraming } from '../../src/nlu/framing.ts';
import { realParts } from '../helpers/bot.ts';
import { hostileFramings } from '../fixtures/hostile-inputs.ts';

describe('question framing', () => {
  it('peels greetings, lead-ins, thanks and sign-offs off a question', () => {
    const cases: [string, string][] = [
      ['Hi all, why does docker ps show nothing after docker build?', 'why does docker ps show nothing after docker build?'],
      ['hey team! quick question: how do I delete an image', 'how do I delete an image'],
      ['Hello Docker gurus, where are images stored? Thanks in advance!', 'where are images stored?'],
      ['how do i see logs of web_1 TIA 🙏', 'how do i see logs of web_1'],
      ['Morning folks! Newbie here. What is a container exactly? Any help is much appreciated.', 'What is a container exactly?'],
      ['@maria quick q: can I edit a file inside a running container', 'can I edit a file inside a running container'],
      ['Sorry if this was asked before, what does --rm do? Cheers, Tom', 'what does --rm do?'],
      ['my container exits with code 137, please help', 'my container exits with code 137'],
      ['hey, how is it going? docker ps is empty after my build', 'docker ps is empty after my build'],
      ['thanks in advance: where do stopped containers go?', 'where do stopped containers go?'],
      ['Sorry for the basic question but what is a container?', 'Sorry for the basic question but what is a container?'],
    ];
    for (const [text, question] of cases) expect(withoutFraming(text)).toBe(question);
  });

  it('leaves a message that is only a greeting or only thanks as it is', () => {
    for (const text of [
      'hi',
      'hello there!',
      'Hi all 👋',
      'thanks!',
      'thank you so much',
      'hey, thanks a lot!',
      'good morning everyone',
      "Hey, how's it going?",
    ]) {
      expect(withoutFraming(text)).toBe(text);
    }
  });

  it('does not cut words that only look like framing', () => {
    for (const text of [
      'hello-world container exits immediately',
      'yoda image is 2 GB, why',
      'which restart policy is best practice',
      'my container has no network security',
      'how do I thank the pretty printer in docker inspect',
      'highest exit code docker uses',
    ]) {
      expect(withoutFraming(text)).toBe(text);
    }
  });

  // A catastrophic backtrack shows as a test timeout here; bench/nlu.ts has the time.
  it('survives hostile input and only ever takes text away', () => {
    for (const t of hostileFramings) {
      const kept = withoutFraming(t);
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.length).toBeLessThanOrEqual(t.length);
    }
  });
});

describe('the unit of a social message', () => {
  it('is read from the whole message: the framing is what thanks and greetings say', () => {
    const { nlu } = realParts();
    // Peeled, "thx, that fixed it" is "that fixed it", a bare acknowledgement.
    expect(nlu.classify('thx, that fixed it').unit).toBe('thanks');
    expect(nlu.classify('ty, that did it').unit).toBe('thanks');
    expect(nlu.classify('ok, got it').unit).toBe('acknowledged');
  });
});

describe('a docker command beside words that read as social', () => {
  it('reads a hyphenated name as a name, not as a greeting, and leaves real thanks alone', () => {
    const { nlu } = realParts();
    expect(nlu.classify("sudo docker run hello-world works but docker run hello-world without sudo doesn't").intent).toBe(
      'diagnose.daemon_unreachable',
    );
    expect(nlu.classify('thanks! docker run hello-world works now').intent).toBe('meta.thanks');
    expect(nlu.classify('hello! thanks for the docker run tip').intent).toBe('meta.thanks');
  });
});
