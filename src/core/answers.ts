// Builders for the Answer shapes the core returns. Pure: knowledge in, Answer out.
import type { Intent, KnowledgeBase, Explanation, Scored } from './ports.ts';
import { AREA_TABLE, AREAS } from './intent-kinds.ts';
import { markdownToBlocks } from './markdown.ts';
import { emptyEntities, type Answer, type Block, type Entities, type IntentRef } from './types.ts';

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

export function knowledgeAnswer(kb: KnowledgeBase, intent: Intent, confidence: number, entities: Entities): Answer {
  return baseAnswer({
    kind: 'knowledge',
    intent: intent.id,
    confidence,
    title: intent.title,
    blocks: markdownToBlocks(intent.answer),
    commands: [...intent.commands],
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

export function noneAnswer(kb: KnowledgeBase, alternatives: readonly Scored[], entities: Entities): Answer {
  const suggestions = refsFor(
    kb,
    alternatives
      .filter((a) => isTopic(kb, a.intent))
      .slice(0, 3)
      .map((a) => a.intent),
  );
  const blocks: Block[] = [
    {
      type: 'text',
      text: 'I could not match that to something I know. I answer questions about Docker images and containers, the mistakes people make with them, and what the common `docker` commands do — not Kubernetes, Podman, Compose file syntax, networking internals or general Linux.',
    },
  ];
  if (suggestions.length)
    blocks.push({ type: 'text', text: 'Did you mean one of these?' }, { type: 'list', items: suggestions.map((s) => s.label) });
  else blocks.push({ type: 'text', text: 'Type `help` to see what I can answer.' });
  return baseAnswer({ kind: 'none', title: 'Not sure I can help with that', blocks, suggestions, entities });
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
    commands: intent ? [...intent.commands] : [],
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
