// bot.handle(question) → Answer: the one entry point every adapter calls. The steps every
// platform shares live here once: ignore bots, check the input, classify, keep context,
// answer, and turn any error into a kind message.
import { explainAnswer, helpAnswer, inputProblemAnswer, internalErrorAnswer, knowledgeAnswer, noneAnswer } from './answers.ts';
import { ConversationStore } from './conversation.ts';
import { HostUnreachableError } from './errors.ts';
import { isShortFollowup, leansOnContext, looksElliptical, swappedIntent } from './followup.ts';
import { containersAnswer, diagnosisAnswer, imagesAnswer } from './host-answers.ts';
import { checkInput } from './input.ts';
import type { BotHandle, Classification, FeedbackRecord, HandledRecord, HostPort, KnowledgeBase, Nlu } from './ports.ts';
import type { Answer, Command, Entities, Question } from './types.ts';

export interface BotDeps {
  knowledge: KnowledgeBase;
  nlu: Nlu;
  /** The connected Docker host, when there is one. */
  host?: HostPort;
  maxInputChars?: number;
  contextTtlMs?: number;
  /** Upper bound for a whole host query, on top of the host's own per-request limit. */
  hostDeadlineMs?: number;
  now?: () => number;
  onHandled?: (r: HandledRecord) => void;
  onError?: (err: unknown, q: Question) => void;
  onFeedback?: (r: FeedbackRecord) => void;
}

export interface Bot extends BotHandle {
  /** Answers a question; null means "do not reply" (the author is a bot, or this bot itself). */
  handle(q: Question & { fromBot?: boolean }): Promise<Answer | null>;
  readonly hostConnected: boolean;
}

export function createBot(deps: BotDeps): Bot {
  const { knowledge: kb, nlu, host } = deps;
  const maxChars = deps.maxInputChars ?? 4000;
  const now = deps.now ?? Date.now;
  const context = new ConversationStore(deps.contextTtlMs ?? 30 * 60_000, now);
  const hostDeadlineMs = deps.hostDeadlineMs ?? 10_000;

  async function handle(q: Question & { fromBot?: boolean }): Promise<Answer | null> {
    if (q.fromBot) return null;
    const started = performance.now();
    let answer: Answer;
    try {
      answer = await answerFor(q);
    } catch (err) {
      deps.onError?.(err, q);
      answer = internalErrorAnswer();
    }
    deps.onHandled?.({
      platform: q.platform,
      intent: answer.intent,
      kind: answer.kind,
      confidence: answer.confidence,
      latencyMs: performance.now() - started,
      hostUsed: answer.hostUsed,
      text: typeof q.text === 'string' ? q.text.slice(0, maxChars) : '',
      ...engineError(answer),
    });
    return answer;
  }

  async function answerFor(q: Question): Promise<Answer> {
    const command: Command = q.command ?? { kind: 'ask' };
    switch (command.kind) {
      case 'help':
        return helpAnswer(kb, Boolean(host));
      case 'followup': {
        const intent = kb.get(command.intent);
        if (!intent) return helpAnswer(kb, Boolean(host));
        const prev = context.get(q.conversation);
        return answerIntent(
          q,
          { intent: intent.id, confidence: 1, alternatives: [] },
          prev?.entities ?? nlu.entities(''),
          prev?.text ?? intent.title,
        );
      }
      case 'ps':
        return hostOr(q, 'host.list_containers', nlu.entities(''), async (h) =>
          containersAnswer(kb, h.description, await h.listContainers({ all: command.all }), command.all),
        );
      case 'images':
        return hostOr(q, 'host.list_images', nlu.entities(''), async (h) => imagesAnswer(kb, h.description, await h.listImages()));
      case 'why': {
        const entities = nlu.entities(q.text);
        return diagnose(q, 'diagnose.missing_container', entities, command.name, command.port);
      }
      case 'explain': {
        const checked = checkInput(command.line, maxChars);
        if (!checked.ok) return inputProblemAnswer(checked.message);
        const ex = nlu.explain(checked.text.startsWith('docker') ? checked.text : `docker ${checked.text}`);
        if (!ex) return ask(q, checked.text, []);
        return explainAnswer(kb, ex, nlu.entities(checked.text));
      }
      case 'ask':
        return askChecked(q);
    }
  }

  async function askChecked(q: Question): Promise<Answer> {
    const checked = checkInput(q.text, maxChars);
    if (!checked.ok) return inputProblemAnswer(checked.message);
    const notices = checked.capped
      ? [
          `Your message was long (${checked.originalLength.toLocaleString('en')} characters), so I read only the first ${maxChars.toLocaleString('en')}.`,
        ]
      : [];
    const ex = commandLineToExplain(checked.text);
    if (ex) {
      const a = explainAnswer(kb, ex, nlu.entities(checked.text));
      if (ex.intent) context.set(q.conversation, { text: checked.text, intent: ex.intent, entities: a.entities });
      a.notices.push(...notices);
      return a;
    }
    return ask(q, checked.text, notices);
  }

  /** A message that is (mostly) one docker command line gets an explanation, part by part. */
  function commandLineToExplain(text: string) {
    const stripped = text
      .replace(/^(please\s+)?(explain|what does|what is|what's|whats|meaning of)\s*:?\s*/i, '')
      .replace(/\s*(do|does|mean|means)?\s*\?*\s*$/i, '')
      .replace(/^[`$\s]+|[`\s]+$/g, '');
    if (!/^(sudo\s+)?docker(\s|-compose\s)/.test(stripped)) return null;
    const ex = nlu.explain(stripped);
    if (!ex) return null;
    // "docker ps shows nothing" is a question about ps, not a command line to take apart.
    const asked = /^(please\s+)?(explain|what does|what is|what's|whats|meaning of)/i.test(text);
    // Words we cannot place ("what does docker ps show") mean a question, not a command line.
    if (ex.parts.some((p) => p.kind === 'unknown')) return null;
    const hasFlagsOrArgs = ex.parts.length >= 2;
    return (asked || ex.line.length >= stripped.length * 0.9) && hasFlagsOrArgs ? ex : null;
  }

  async function ask(q: Question, text: string, notices: string[]): Promise<Answer> {
    let c = nlu.classify(text);
    let entities = nlu.entities(text);
    const prev = context.get(q.conversation);
    if (prev && isShortFollowup(text)) {
      // A question that stands on its own is answered on its own; a weak guess about a turn that
      // points back ("how do I do that with compose") is read with the previous turn.
      const unsure = c.intent === 'none' || (c.confidence < 0.5 && leansOnContext(text));
      const swapped = swappedIntent(prev.intent, text);
      const combined = () => nlu.classify(`${prev.text} ${text}`);
      if (swapped && (unsure || c.intent === swapped || looksElliptical(text))) {
        // "what about images?" after a `docker ps` answer: the same question about the other object.
        c = { intent: swapped, confidence: Math.max(c.intent === swapped ? c.confidence : 0, 0.6), alternatives: [] };
        entities = mergeEntities(entities, prev.entities);
      } else if (looksElliptical(text) && c.intent !== prev.intent && (c.intent === 'none' || c.confidence < 0.7)) {
        // "and the stopped ones?": too little to stand on its own, so it stays on the topic.
        const both = combined();
        c = { intent: prev.intent, confidence: both.intent === prev.intent ? both.confidence : 0.5, alternatives: [] };
        entities = mergeEntities(entities, prev.entities);
      } else if (unsure && leansOnContext(text)) {
        // Not "what is the capital of France": only a turn that points back borrows the context.
        const both = combined();
        if (both.intent !== 'none' && !both.intent.startsWith('meta.')) {
          c = both;
          entities = mergeEntities(entities, prev.entities);
        }
      }
    }
    const a = await answerIntent(q, c, entities, text);
    a.notices.unshift(...notices);
    return a;
  }

  async function answerIntent(q: Question, c: Classification, entities: Entities, text: string): Promise<Answer> {
    if (c.intent === 'none') return noneAnswer(kb, c.alternatives, entities);
    if (!c.intent.startsWith('meta.')) context.set(q.conversation, { text, intent: c.intent, entities });
    if (c.intent === 'meta.help') return helpAnswer(kb, Boolean(host));
    if (c.intent === 'host.list_containers') {
      const all = /\b(all|stopped|exited|dead|every)\b|-a\b/i.test(text);
      return hostOr(
        q,
        c.intent,
        entities,
        async (h) => containersAnswer(kb, h.description, await h.listContainers({ all }), all),
        c.confidence,
      );
    }
    if (c.intent === 'host.list_images')
      return hostOr(q, c.intent, entities, async (h) => imagesAnswer(kb, h.description, await h.listImages()), c.confidence);
    if (c.intent.startsWith('diagnose.') && c.intent !== 'diagnose.daemon_unreachable') {
      const a = await diagnose(q, c.intent, entities, undefined, undefined, c.confidence);
      return a;
    }
    const intent = kb.get(c.intent);
    if (!intent) return noneAnswer(kb, c.alternatives, entities);
    return knowledgeAnswer(kb, intent, c.confidence, entities);
  }

  function diagnose(q: Question, intent: string, entities: Entities, name?: string, port?: number, confidence = 1): Promise<Answer> {
    const subject = name ?? entities.names[0] ?? entities.images[0];
    const p = port ?? entities.ports[0]?.host ?? entities.ports[0]?.container;
    const exitCode = entities.exitCodes[0];
    return hostOr(
      q,
      intent,
      entities,
      async (h) => {
        const d = await h.diagnose({
          ...(subject ? { subject } : {}),
          ...(p !== undefined ? { port: p } : {}),
          ...(exitCode !== undefined ? { exitCode } : {}),
        });
        return diagnosisAnswer(kb, intent, d, entities);
      },
      confidence,
    );
  }

  /** Runs a host query when a host is connected and this person may use it; else the knowledge answer. */
  async function hostOr(
    q: Question,
    intentId: string,
    entities: Entities,
    query: (h: HostPort) => Promise<Answer>,
    confidence = 1,
  ): Promise<Answer> {
    const intent = kb.get(intentId);
    const fallback = () => (intent ? knowledgeAnswer(kb, intent, confidence, entities) : helpAnswer(kb, Boolean(host)));
    if (!host) {
      const a = fallback();
      a.notices.push('No Docker host is connected to me, so here is how to check it yourself.');
      return a;
    }
    if (!q.hostAllowed) {
      const a = fallback();
      a.notices.push(hostAccessHint(q.platform));
      return a;
    }
    try {
      return await withDeadline(query(host), hostDeadlineMs);
    } catch (err) {
      if (err instanceof HostUnreachableError) {
        return diagnosisAnswer(kb, intentId, { host: host.description, subject: null, findings: [err.finding] }, entities);
      }
      deps.onError?.(err, q);
      const a = fallback();
      a.notices.push(
        err instanceof HostDeadlineError
          ? `The Docker engine did not answer within ${Math.round(hostDeadlineMs / 100) / 10} s, so I could not look. Nothing was changed; here is how to check it yourself.`
          : 'I could not read the Docker host just now (it answered with something I did not expect). Nothing was changed; here is how to check it yourself.',
      );
      return a;
    }
  }

  return { handle, feedback: (r) => deps.onFeedback?.(r), hostConnected: Boolean(host) };
}

function engineError(a: Answer): { engineError?: string } {
  const f = a.findings.find((x) => x.code === 'daemon_unreachable');
  if (!f) return {};
  return { engineError: String(f.evidence['kind'] ?? f.evidence['reason'] ?? 'unreachable') };
}

function hostAccessHint(platform: string): string {
  const how =
    platform === 'slack'
      ? 'an admin can add this channel to `SLACK_HOST_CHANNELS` and you to `SLACK_HOST_USERS`'
      : platform === 'discord'
        ? 'an admin can add this channel to `DISCORD_HOST_CHANNELS` and give you a role listed in `DISCORD_HOST_ROLES`'
        : 'an admin can enable host access in the bot settings';
  return `Looking at the Docker host is not enabled for you here, so this answer comes from what I know; ${how}.`;
}

function mergeEntities(now: Entities, before: Entities): Entities {
  const pick = <T>(a: T[], b: T[]) => (a.length ? a : b);
  return {
    names: pick(now.names, before.names),
    images: pick(now.images, before.images),
    ports: pick(now.ports, before.ports),
    exitCodes: pick(now.exitCodes, before.exitCodes),
    subcommands: pick(now.subcommands, before.subcommands),
  };
}

/** The whole host query ran past hostDeadlineMs: the engine did not answer (not a bad answer). */
class HostDeadlineError extends Error {}

function withDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new HostDeadlineError(`host query took longer than ${ms} ms`));
    }, ms);
  });
  return Promise.race([p, deadline]).finally(() => {
    clearTimeout(timer);
  });
}
