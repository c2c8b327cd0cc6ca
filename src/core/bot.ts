// bot.handle(question) → Answer: the one entry point every adapter calls. The steps every
// platform shares live here once: ignore bots, check the input, classify, keep context,
// answer, and turn any error into a kind message.
import {
  alreadyShownAnswer,
  explainAnswer,
  helpAnswer,
  inputProblemAnswer,
  internalErrorAnswer,
  noneAnswer,
  refForScored,
  resolveRef,
  unitAnswer,
  unitRef,
  unitBlocks,
} from './answers.ts';
import { commandLineToExplain, parseCommandText } from './command-text.ts';
import { ConversationStore, type ConversationBacking, type Turn } from './conversation.ts';
import { isShortFollowup, namesNewSpecifics } from './followup.ts';
import { dispatch, type ActionContext, type ActionRequest } from './dispatch.ts';
import { takeHostMention } from './host-choice.ts';
import { createHostRoad } from './host-road.ts';
import { suggestNames } from './host-search.ts';
import { checkInput, MAX_NAME_CHARS } from './input.ts';
import { AREA_TABLE, type Shortcut } from './intent-kinds.ts';
import type {
  BotHandle,
  NameSuggester,
  Classification,
  FeedbackRecord,
  HandledRecord,
  HostPort,
  Intent,
  NamedHost,
  KnowledgeBase,
  Nlu,
  Unit,
} from './ports.ts';
import { answerFromReading, classifyPasted, commandNotes, mistakeBlocks, unitForMistake, weighQuestion } from './reading.ts';
import type { MessageReader, MessageReading, PasteReader } from './reading-answers.ts';
import { resolveTurn } from './turns.ts';
import { bestUnitFit, nextUnit, unitForFollowup } from './unit-choice.ts';
import { emptyEntities, type Answer, type Command, type Entities, type Question } from './types.ts';

/** Longer than any container name or image reference (a repository name is at most 255 characters). */
const NOT_A_NAME = `That does not look like a container or image name (a name is one word of at most ${MAX_NAME_CHARS} characters), so I did not look it up. Try \`ps --all\` to see the names on the host.`;

export interface BotDeps {
  knowledge: KnowledgeBase;
  nlu: Nlu;
  /** The connected Docker host, when there is one. */
  host?: HostPort;
  /** Several named hosts (COACH_HOSTS), the default first; used instead of `host`. */
  hosts?: readonly NamedHost[];
  maxInputChars?: number;
  contextTtlMs?: number;
  /** Shares conversation context through the store (restarts, replicas); in memory only when absent. */
  conversations?: ConversationBacking;
  /** Upper bound for a whole host query, on top of the host's own per-request limit. */
  hostDeadlineMs?: number;
  now?: () => number;
  onHandled?: (r: HandledRecord) => void;
  onError?: (err: unknown, q: Question) => void;
  onFeedback?: (r: FeedbackRecord) => void;
  /** Reads a message's parts: pasted errors, output and commands (nlu/reader). */
  reader?: MessageReader;
  /** Reads pasted output as evidence, with the host's rules (host/pasted). */
  pasted?: PasteReader;
}

export interface Bot extends BotHandle, NameSuggester {
  /** Answers a question; null means "do not reply" (the author is a bot, or this bot itself). */
  handle(q: Question & { fromBot?: boolean }): Promise<Answer | null>;
  readonly hostConnected: boolean;
}

export function createBot(deps: BotDeps): Bot {
  const { knowledge: kb, nlu, host } = deps;
  const maxChars = deps.maxInputChars ?? 4000;
  const now = deps.now ?? Date.now;
  const context = new ConversationStore(deps.contextTtlMs ?? 30 * 60_000, now, 10_000, deps.conversations);
  const road = createHostRoad({
    ...(host ? { host } : {}),
    ...(deps.hosts ? { hosts: deps.hosts } : {}),
    deadlineMs: deps.hostDeadlineMs ?? 10_000,
    ...(deps.onError ? { onError: deps.onError } : {}),
  });
  const actions: ActionContext = {
    kb,
    host: road,
    ...(nlu.ordinaryWord ? { ordinaryWord: (w: string) => nlu.ordinaryWord?.(w) ?? false } : {}),
    // The evidence road answers first with the same unit the classifier's picker chooses.
    ...(nlu.pickUnit
      ? {
          pickUnit: (intent: Intent, text: string) => {
            const id = nlu.pickUnit?.(intent.id, text).unit;
            return (id !== undefined ? intent.units?.find((u) => u.id === id) : undefined) ?? null;
          },
        }
      : {}),
  };
  const shortcuts = new Map<Shortcut, Intent>(kb.intents.flatMap((i) => (i.shortcut ? [[i.shortcut, i] as const] : [])));

  async function handle(q: Question & { fromBot?: boolean }): Promise<Answer | null> {
    if (q.fromBot) return null;
    const started = performance.now();
    let answer: Answer;
    try {
      await context.load(q.conversation);
      answer = await answerFor(withHostMention(q));
    } catch (err) {
      deps.onError?.(err, q);
      answer = internalErrorAnswer();
    }
    answer.id ??= globalThis.crypto.randomUUID();
    const nearest = answer.intent === 'none' ? (answer.nearest ?? answer.suggestions[0]?.intent) : answer.intent;
    deps.onHandled?.({
      answerId: answer.id,
      ...(nearest ? { nearestIntent: nearest } : {}),
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

  /** `--host staging` / "… on staging" in the text: which host to use, and the text without it. */
  function withHostMention(q: Question): Question {
    if (q.host !== undefined || typeof q.text !== 'string') return q;
    const m = takeHostMention(q.text.slice(0, maxChars), road.names);
    if (m.host === undefined) return q;
    // Typed commands (`ps --host beta`, `why web 8080 on beta`) are read again without the host part.
    const kind = q.command?.kind ?? 'ask';
    if (kind !== 'ask' && kind !== 'why') return { ...q, host: m.host };
    const again = parseCommandText(m.text);
    return { ...q, text: again.text, host: m.host, command: again.command };
  }

  async function answerFor(q: Question): Promise<Answer> {
    const command: Command = q.command ?? { kind: 'ask' };
    switch (command.kind) {
      case 'help':
        return shortcut(q, 'help', {});
      case 'ps':
        return shortcut(q, 'ps', { all: command.all });
      case 'images':
        return shortcut(q, 'images', {});
      case 'why': {
        if (command.name !== undefined && !looksLikeName(command.name)) return inputProblemAnswer(NOT_A_NAME);
        const args = {
          ...(command.name !== undefined ? { name: command.name } : {}),
          ...(command.port !== undefined ? { port: command.port } : {}),
        };
        return shortcut(q, 'why', args, nlu.entities(q.text.slice(0, maxChars)));
      }
      case 'followup': {
        // A button or a numbered choice: an intent (its article) or one of its units.
        const target = resolveRef(kb, command.intent);
        if (!target) return shortcut(q, 'help', {});
        const prev = context.get(q.conversation);
        const { intent, unit } = target;
        return answerIntent(
          q,
          { intent: intent.id, confidence: 1, alternatives: [], ...(unit ? { unit: unit.id } : {}) },
          prev?.entities ?? emptyEntities(),
          prev?.text ?? intent.title,
        );
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

  /** An explicit command (`why`, `ps`, `images`, `help`): the intent whose file names it, no classifier. */
  function shortcut(q: Question, s: Shortcut, args: ActionRequest['args'], entities: Entities = emptyEntities()): Promise<Answer> {
    const intent = shortcuts.get(s);
    if (!intent) return Promise.resolve(helpAnswer(kb, shortcuts.get('help'), road.connected));
    return dispatch({ q, intent, confidence: 1, entities, text: q.text, args }, actions);
  }

  async function askChecked(q: Question): Promise<Answer> {
    const checked = checkInput(q.text, maxChars);
    if (!checked.ok) return inputProblemAnswer(checked.message);
    const notices = checked.capped
      ? [
          `Your message was long (${checked.originalLength.toLocaleString('en')} characters), so I read only the first ${maxChars.toLocaleString('en')}.`,
        ]
      : [];
    const reading = deps.reader?.read(checked.text);
    const pasted = reading ? classifyPasted(reading, checked.text, (t) => nlu.classify(t)) : undefined;
    if (reading) {
      const entities = nlu.entities(checked.text);
      const asked = nlu.entities(reading.prose);
      const a = answerFromReading({
        kb,
        reading,
        entities,
        asked,
        ...(pasted?.question ? { question: pasted.question } : {}),
        ...(pasted ? { message: pasted.whole } : {}),
        ...(deps.pasted ? { pasted: deps.pasted } : {}),
      });
      if (a) {
        if (a.intent !== 'none') context.set(q.conversation, { text: checked.text, intent: a.intent, entities });
        a.notices.push(...notices);
        return a;
      }
    }
    const ex = commandLineToExplain(checked.text, (t) => nlu.explain(t));
    if (ex) {
      const a = explainAnswer(kb, ex, nlu.entities(checked.text));
      if (ex.intent) context.set(q.conversation, { text: checked.text, intent: ex.intent, entities: a.entities });
      a.notices.push(...notices);
      return a;
    }
    return ask(q, checked.text, notices, reading, pasted ? weighQuestion(pasted.question, pasted.whole) : undefined);
  }

  async function ask(q: Question, text: string, notices: string[], reading?: MessageReading, asked?: Classification): Promise<Answer> {
    const previous = context.get(q.conversation);
    const turn = resolveTurn({
      text,
      classification: asked ?? nlu.classify(text),
      entities: nlu.entities(text),
      previous,
      classify: (t) => nlu.classify(t),
      intentOf: (id) => kb.get(id),
      ...(nlu.pickUnit ? { unitFit: (intent: string, t: string) => bestUnitFit(nlu, intent, t) } : {}),
    });
    const leaning = turn.rule === 'swap' || turn.rule === 'elliptical';
    const read = leaning && previous ? unitForFollowup(nlu, turn.classification, text, previous) : turn.classification;
    // An error in the person's own command line is the cause: the unit that answers it answers.
    const mistaken = reading && !leaning ? unitForMistake(kb, reading.commands) : undefined;
    const c: Classification = mistaken
      ? { ...read, intent: mistaken.intent.id, unit: mistaken.unit.id, confidence: Math.max(read.confidence, 0.5) }
      : read;
    // A short follow-up may not get the same answer again, unless it names new specifics to fill in.
    const after = previous && isShortFollowup(text) && !namesNewSpecifics(nlu.entities(text), previous.entities) ? previous : undefined;
    const a = await answerIntent(q, c, turn.entities, text, after);
    a.notices.unshift(...notices);
    // The person's own command says more than the article: `--rm` is why `docker ps -a` is empty.
    const intent = kb.get(a.intent);
    const personal = mistaken && a.unit === unitRef(mistaken.intent.id, mistaken.unit.id) ? mistakeBlocks(mistaken.mistake) : undefined;
    if (personal) a.blocks = personal;
    const notes = intent && reading ? commandNotes(intent, reading.commands, personal ? mistaken?.mistake.kind : undefined) : [];
    if (notes.length) a.blocks.unshift(...notes.map((text) => ({ type: 'text' as const, text })));
    return a;
  }

  /**
   * The answer to a classification. `previous` is set for a short follow-up: when its best answer
   * is the one just shown, the next-best unit answers, or a line says it was covered.
   */
  async function answerIntent(q: Question, c: Classification, entities: Entities, text: string, previous?: Turn): Promise<Answer> {
    const intent = c.intent === 'none' ? undefined : kb.get(c.intent);
    if (!intent) return noneAnswer(kb, c.alternatives, entities);
    let unit = c.unit !== undefined ? intent.units?.find((u) => u.id === c.unit) : undefined;
    const shortAnswer = (u: Unit | undefined): boolean => u !== undefined && (intent.action === 'article' || !hostReadable(q));
    // A question in words on a diagnose topic is answered first with its unit, the host adding evidence.
    const viaEvidence = intent.action === 'diagnose' && q.command?.kind !== 'why' && hostReadable(q);
    const knowledge = shortAnswer(unit) || intent.action === 'article' || viaEvidence;
    const shown = shortAnswer(unit) || viaEvidence ? unit?.id : undefined;
    let moved = false;
    if (knowledge && previous?.intent === intent.id && previous.unit === shown) {
      unit = nextUnit(nlu, intent, text, previous.unit);
      moved = true;
      if (!unit) return alreadyShownAnswer(kb, intent, previous.unit !== undefined, entities);
    }
    const a =
      unit && shortAnswer(unit)
        ? unitAnswer(kb, intent, unit, c.confidence, entities)
        : await dispatch({ q, intent, confidence: c.confidence, entities, text, args: {}, ...(moved && unit ? { unit } : {}) }, actions);
    // "What are the <none> images here?": the answer to the question, then the host's listing as evidence.
    if (unit?.host === 'lead' && !shortAnswer(unit)) a.blocks.unshift(...unitBlocks(unit, entities));
    if (AREA_TABLE[intent.area].topic) {
      const unitShown = a.unit?.startsWith(`${intent.id}/`) ? a.unit.slice(intent.id.length + 1) : undefined;
      context.set(q.conversation, { text, intent: intent.id, ...(unitShown !== undefined ? { unit: unitShown } : {}), entities });
    }
    const offered = c.close ? refForScored(kb, c.close) : undefined;
    if (offered && offered.intent !== (a.unit ?? a.intent) && offered.intent !== a.more?.intent) a.suggestions.push(offered);
    return a;
  }

  /** Whether a question on this platform, here, would be answered from the connected host. */
  function hostReadable(q: Question): boolean {
    return road.connected && q.hostAllowed;
  }

  const suggest = (q: Question, limit: number) => suggestNames(road, q, limit);
  return { handle, suggest, feedback: (r) => deps.onFeedback?.(r), hostConnected: road.connected };
}

function engineError(a: Answer): { engineError?: string } {
  const f = a.findings.find((x) => x.code === 'daemon_unreachable');
  if (!f) return {};
  return { engineError: String(f.evidence['kind'] ?? f.evidence['reason'] ?? 'unreachable') };
}

/** `why NAME`: a container or image name, not a paragraph (checked before the host is asked). */
function looksLikeName(name: string): boolean {
  const checked = checkInput(name, MAX_NAME_CHARS);
  return checked.ok && !checked.capped && !/\s/.test(checked.text);
}
