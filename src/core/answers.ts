// Builders for the Answer shapes the core returns. Pure: knowledge in, Answer out.
import type { Intent, KnowledgeBase, Explanation, Scored, Unit } from './ports.ts';
import { AREA_TABLE, AREAS } from './intent-kinds.ts';
import { markdownToBlocks } from './markdown.ts';
import { fillPlaceholders } from './placeholders.ts';
import { emptyEntities, type Answer, type Block, type Entities, type Finding, type IntentRef } from './types.ts';

export function baseAnswer(partial: Partial<Answer> & Pick<Answer, 'kind' | 'title'>): Answer {
  return {
    intent: 'none',
    confidence: 0,
    blocks: [],
    findings: [],
    commands: [],
    followups: [],
    suggestions: [],
    notices: [],
    hostUsed: false,
    entities: emptyEntities(),
    ...partial,
  };
}

export function refsFor(kb: KnowledgeBase, ids: readonly string[]): IntentRef[] {
  return ids.flatMap((id) => {
    const it = kb.get(id);
    return it ? [{ intent: id, label: it.title }] : [];
  });
}

/** A unit's full id, `<intent>/<unit>`; the intent id alone stands for its article. */
export function unitRef(intent: string, unit?: string): string {
  return unit === undefined ? intent : `${intent}/${unit}`;
}

/** The intent and unit a ref (a button's or a numbered choice's target) names. */
export function parseRef(ref: string): { intent: string; unit?: string } {
  const slash = ref.indexOf('/');
  return slash < 0 ? { intent: ref } : { intent: ref.slice(0, slash), unit: ref.slice(slash + 1) };
}

/** The intent and the unit a ref names, when both exist in the knowledge base. */
export function resolveRef(kb: KnowledgeBase, ref: string): { intent: Intent; unit?: Unit } | undefined {
  const { intent: id, unit: unitId } = parseRef(ref);
  const intent = kb.get(id);
  if (!intent) return undefined;
  if (unitId === undefined) return { intent };
  const unit = intent.units?.find((u) => u.id === unitId);
  return unit ? { intent, unit } : { intent };
}

/** A button or choice for a scored candidate: a unit is labelled with its question, an article with its title. */
export function refForScored(kb: KnowledgeBase, s: Scored): IntentRef | undefined {
  const found = resolveRef(kb, unitRef(s.intent, s.unit));
  if (!found) return undefined;
  return found.unit
    ? { intent: unitRef(found.intent.id, found.unit.id), label: found.unit.question }
    : { intent: found.intent.id, label: found.intent.title };
}

/**
 * One answer unit: the direct answer (the person's names, ports and tags filled in where it has a
 * place for them), its command as a code block, and "More" to the intent's full article.
 */
export function unitAnswer(kb: KnowledgeBase, intent: Intent, unit: Unit, confidence: number, entities: Entities): Answer {
  return baseAnswer({
    kind: 'knowledge',
    intent: intent.id,
    unit: unitRef(intent.id, unit.id),
    confidence,
    title: unit.question,
    blocks: unitBlocks(unit, entities),
    more: { intent: intent.id, label: intent.title },
    // The topic's related topics stay one tap away, after "More".
    followups: refsFor(kb, intent.followups),
    entities,
  });
}

/** A unit's sentences (the person's specifics filled in), then its command as a code block. */
export function unitBlocks(unit: Unit, entities: Entities): Block[] {
  const blocks: Block[] = markdownToBlocks(fillPlaceholders(unit.answer, entities));
  if (unit.command) blocks.push({ type: 'code', code: fillPlaceholders(unit.command, entities), lang: 'sh' });
  return blocks;
}

/** A follow-up whose best answer is the one just given: said in a line, with the way on. */
export function alreadyShownAnswer(kb: KnowledgeBase, intent: Intent, shownUnit: boolean, entities: Entities): Answer {
  return baseAnswer({
    kind: 'knowledge',
    intent: intent.id,
    confidence: 1,
    title: intent.title,
    blocks: [
      {
        type: 'text',
        text: shownUnit
          ? 'That is what my last answer, just above, covers. The full article has the details around it.'
          : 'My last answer, just above, covers that. Ask about one part of it, or pick a related topic.',
      },
    ],
    ...(shownUnit ? { more: { intent: intent.id, label: intent.title } } : {}),
    followups: shownUnit ? [] : refsFor(kb, intent.followups),
    entities,
  });
}

/** A short answer (one unit) shows at most this many of its findings, a line each, on Slack and Discord. */
export const SHORT_FINDINGS = 3;

/** The findings a short answer shows, and how many it leaves out. */
export function shortFindings(findings: readonly Finding[]): { shown: readonly Finding[]; more: number } {
  return { shown: findings.slice(0, SHORT_FINDINGS), more: Math.max(0, findings.length - SHORT_FINDINGS) };
}

/**
 * Everything an answer offers to pick, in the order the terminal numbers them: the article
 * ("More"), the "did you mean" choices, then related topics. Each target once.
 */
export function answerChoices(a: Pick<Answer, 'more' | 'suggestions' | 'followups'>): IntentRef[] {
  const all = [...(a.more ? [a.more] : []), ...a.suggestions, ...a.followups];
  return all.filter((r, n) => all.findIndex((x) => x.intent === r.intent) === n);
}

export function knowledgeAnswer(kb: KnowledgeBase, intent: Intent, confidence: number, entities: Entities): Answer {
  return baseAnswer({
    kind: 'knowledge',
    intent: intent.id,
    confidence,
    title: intent.title,
    // The names in the message fill the article's `<container>`, `<image>`… as they fill a unit's.
    blocks: markdownToBlocks(fillPlaceholders(intent.answer, entities)),
    commands: intent.commands.map((c) => fillPlaceholders(c, entities)),
    followups: refsFor(kb, intent.followups),
    entities,
  });
}

/** The help intent's answer, then every listed area's intents under its heading (AREA_TABLE order). */
export function helpAnswer(kb: KnowledgeBase, help: Intent | undefined, hostConnected: boolean): Answer {
  const blocks: Block[] = help ? markdownToBlocks(help.answer) : [];
  for (const area of AREAS) {
    const heading = AREA_TABLE[area].heading;
    const items = kb.intents.filter((i) => i.area === area).map((i) => i.title);
    if (heading !== null && items.length) blocks.push({ type: 'text', text: `**${heading}**` }, { type: 'list', items });
  }
  blocks.push({
    type: 'text',
    text: hostConnected
      ? 'A Docker host is connected: `why [name] [--port N]`, `ps` and `images` look at it (read-only).'
      : 'No Docker host is connected, so `why`, `ps` and `images` answer with the commands to run yourself.',
  });
  return baseAnswer({
    kind: 'help',
    intent: help?.id ?? 'none',
    confidence: 1,
    title: help?.title ?? 'What I can do',
    blocks,
    commands: ['ask <question>', 'why [name] [--port N]', 'ps [--all]', 'images', 'explain <docker command>', 'help'],
    followups: refsFor(kb, help?.followups ?? []),
  });
}

/** A topic of conversation (not a greeting, thanks or help): see AREA_TABLE. */
export function isTopic(kb: KnowledgeBase, id: string): boolean {
  const intent = kb.get(id);
  return intent !== undefined && AREA_TABLE[intent.area].topic;
}

/**
 * A "did you mean" topic needs at least this probability: when the question is plainly about
 * something else ("kubectl … CrashLoopBackOff", "your favourite movie") every topic scores ~0, and
 * suggesting three of them anyway reads as if the bot had not understood that.
 */
export const SUGGEST_MIN = 0.05;

export function noneAnswer(kb: KnowledgeBase, alternatives: readonly Scored[], entities: Entities): Answer {
  const suggestions = refsFor(
    kb,
    alternatives
      .filter((a) => a.confidence >= SUGGEST_MIN && isTopic(kb, a.intent))
      .slice(0, 3)
      .map((a) => a.intent),
  );
  const blocks: Block[] = [
    {
      type: 'text',
      text: 'I could not match that to something I know. I answer questions about Docker images and containers, the mistakes people make with them, and what the common `docker` commands do — not Kubernetes, Podman, Compose file syntax, networking internals or general Linux.',
    },
  ];
  // Numbered as the terminal numbers its choices (answerChoices): typing `2` picks the second.
  if (suggestions.length)
    blocks.push(
      { type: 'text', text: 'Did you mean one of these?' },
      { type: 'list', ordered: true, items: suggestions.map((s) => s.label) },
    );
  else blocks.push({ type: 'text', text: 'Type `help` to see what I can answer.' });
  const nearest = alternatives.find((a) => isTopic(kb, a.intent))?.intent;
  return baseAnswer({
    kind: 'none',
    title: 'Not sure I can help with that',
    blocks,
    suggestions,
    entities,
    ...(nearest ? { nearest } : {}),
  });
}

export function explainAnswer(kb: KnowledgeBase, ex: Explanation, entities: Entities): Answer {
  const blocks: Block[] = [
    { type: 'code', code: ex.line, lang: 'sh' },
    { type: 'text', text: ex.summary },
    { type: 'list', items: ex.parts.map((p) => `\`${p.part}\` — ${p.kind === 'unknown' ? '(unknown to me) ' : ''}${p.meaning}`) },
  ];
  if (ex.warnings.length) blocks.push({ type: 'text', text: '**Watch out**' }, { type: 'list', items: ex.warnings });
  const intent = ex.intent ? kb.get(ex.intent) : undefined;
  return baseAnswer({
    kind: 'explain',
    intent: ex.intent ?? 'none',
    confidence: 1,
    title: `What \`docker ${ex.subcommand}\` does here`,
    blocks,
    commands: intent ? intent.commands.map((c) => fillPlaceholders(c, entities)) : [],
    followups: intent ? refsFor(kb, [intent.id, ...intent.followups].slice(0, 3)) : [],
    entities,
  });
}

export function inputProblemAnswer(message: string): Answer {
  return baseAnswer({ kind: 'input_problem', title: 'I could not read that', blocks: [{ type: 'text', text: message }] });
}

export function internalErrorAnswer(): Answer {
  return baseAnswer({
    kind: 'error',
    title: 'Something went wrong on my side',
    blocks: [
      {
        type: 'text',
        text: 'I hit an unexpected problem while answering. Nothing on any Docker host was changed. Please try again, or ask in different words.',
      },
    ],
  });
}
