// The schema of one intent file, `intents/<id>.yaml`. Strict: an unknown key is an error,
// so a typo such as `followup:` is caught at start-up instead of silently ignored.
import { z } from 'zod';
import { ACTIONS, AREAS, SHORTCUTS, SWAP_OBJECTS } from '../core/intent-kinds.ts';
import { COMMAND_MISTAKES, FINDING_CODES } from '../core/types.ts';

export const INTENT_ID = /^[a-z]+\.[a-z_]+$/;
export const MIN_EXAMPLES = 20;
/** A unit's id inside its intent file; the full id is `<intent id>/<unit id>`. */
export const UNIT_ID = /^[a-z][a-z0-9_]*$/;
export const MIN_UNIT_EXAMPLES = 5;
/** A direct answer fits on a phone screen: at most this many words outside code. */
export const MAX_UNIT_WORDS = 80;

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const intentId = z.string().regex(INTENT_ID, 'is not an intent id');

/** One of `values`; anything else is reported with the whole list, e.g. `must be one of: a, b`. */
function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  const allowed = `must be one of: ${values.join(', ')}`;
  return z.enum(values, {
    error: (issue) => {
      if (issue.input === undefined) return `is required; ${allowed}`;
      return typeof issue.input === 'string' ? `"${issue.input}" is not allowed; ${allowed}` : allowed;
    },
  });
}

/** Words outside fenced code blocks and inline code: what a person reads as prose. */
export function proseWords(markdown: string): number {
  const prose = markdown.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`]*`/g, ' x ');
  return prose.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Duplicate phrasings (case- and space-insensitive) inside one list. */
function noDuplicates(items: readonly string[], ctx: z.RefinementCtx, label: string): void {
  const seen = new Map<string, number>();
  items.forEach((ex, i) => {
    const key = ex.trim().toLowerCase().replace(/\s+/g, ' ');
    const first = seen.get(key);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: [i], message: `duplicate of ${label}.${first} ("${ex.trim()}")` });
    } else {
      seen.set(key, i);
    }
  });
}

/**
 * One short, direct answer under a topic: a specific question, one to three sentences
 * (at most MAX_UNIT_WORDS words outside code), an optional command, and its own phrasings.
 */
export const unitSchema = z.strictObject({
  id: z.string().regex(UNIT_ID, 'must be lowercase letters, digits or _ (e.g. `prune_volumes`)'),
  question: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
  answer: nonEmpty.refine((a) => proseWords(a) <= MAX_UNIT_WORDS, {
    error: `must be at most ${MAX_UNIT_WORDS} words outside code (a direct answer, not an article)`,
  }),
  /** The command that is the answer, shown as a code block. */
  command: nonEmpty.optional(),
  /**
   * Only read under a host intent (list_containers/list_images), when a host is connected:
   * `replace` (default) the host's listing answers instead; `lead` this answer comes first and the
   * listing follows as evidence ("what are the <none> images here", "how do I list them myself").
   */
  host: z.enum(['replace', 'lead']).optional(),
  /**
   * The error in a person's own command line this unit answers: a question whose docker command has
   * it (`docker run myapp -p 8080:80`, "port not published") is answered with this unit, whatever
   * the words lean to, because the line itself is the cause.
   */
  mistake: oneOf(COMMAND_MISTAKES).optional(),
  examples: z.array(nonEmpty, 'must be a list of strings').superRefine((items, ctx) => {
    if (items.length < MIN_UNIT_EXAMPLES) {
      ctx.addIssue({ code: 'custom', message: `must have at least ${MIN_UNIT_EXAMPLES} items (has ${items.length})` });
    }
    noDuplicates(items, ctx, 'examples');
  }),
});

export type UnitFile = z.infer<typeof unitSchema>;

/** A full unit id, `<intent id>/<unit id>`. */
export const FULL_UNIT_ID = /^[a-z]+\.[a-z_]+\/[a-z][a-z0-9_]*$/;

/**
 * A unit defined under another topic and answered here too, word for word: `- ref: command.run/port_mapping`.
 * One question, one answer, one place to edit it, instead of two copies drifting apart under two topics.
 * `examples` are how the question is asked under this topic: they teach this topic, as a unit's do.
 */
export const unitRefSchema = z.strictObject({
  ref: z.string().regex(FULL_UNIT_ID, 'must be a full unit id such as `command.run/port_mapping`'),
  examples: z
    .array(nonEmpty, 'must be a list of strings')
    .superRefine((items, ctx) => {
      noDuplicates(items, ctx, 'examples');
    })
    .optional(),
});

/** A list entry is a unit, or a ref to another topic's unit (an entry with `ref:` and nothing else). */
const unitEntrySchema = z.custom<UnitFile | z.infer<typeof unitRefSchema>>().check((ctx) => {
  const v: unknown = ctx.value;
  const isRef = typeof v === 'object' && v !== null && 'ref' in v;
  const parsed = (isRef ? unitRefSchema : unitSchema).safeParse(v);
  if (parsed.success) return;
  for (const issue of parsed.error.issues) ctx.issues.push({ ...issue, input: v } as never);
});

export const intentSchema = z.strictObject({
  id: z.string().regex(INTENT_ID, 'must look like `area.name` (lowercase letters, a dot, lowercase letters or _)'),
  title: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
  examples: z.array(nonEmpty, 'must be a list of strings').superRefine((items, ctx) => {
    if (items.length < MIN_EXAMPLES) {
      ctx.addIssue({ code: 'custom', message: `must have at least ${MIN_EXAMPLES} items (has ${items.length})` });
    }
    noDuplicates(items, ctx, 'examples');
  }),
  answer: nonEmpty,
  followups: z.array(z.string().regex(INTENT_ID, 'is not an intent id'), 'must be a list of intent ids'),
  commands: z.array(nonEmpty, 'must be a list of strings'),
  action: oneOf(ACTIONS),
  area: oneOf(AREAS),
  shortcut: oneOf(SHORTCUTS).optional(),
  swap: z.partialRecord(oneOf(SWAP_OBJECTS), intentId, 'must be a mapping such as `images: command.images`').optional(),
  /** Diagnosis findings this topic explains: pasted output showing one is answered under it. */
  explains: z.array(oneOf(FINDING_CODES), 'must be a list of finding codes').optional(),
  /** Notes for a message whose docker command has this flag (`--rm` empties `docker ps -a`). */
  command_notes: z
    .array(
      z.strictObject({
        flag: z.string().regex(/^--?[a-z][a-z-]*$/, 'must be a flag such as --rm'),
        subcommand: z.string().min(1).optional(),
        note: nonEmpty,
      }),
      'must be a list of {flag, note}',
    )
    .optional(),
  /** Broad requests for the whole topic ("how does docker build work"): the article answers them, not a unit. */
  broad: z
    .array(nonEmpty, 'must be a list of strings')
    .superRefine((items, ctx) => {
      noDuplicates(items, ctx, 'broad');
    })
    .optional(),
  /**
   * Questions on this topic that the whole article answers better than any one unit ("why can't I reach
   * my app on localhost:3000": the article's checklist, not the localhost-between-containers unit). Unlike
   * `broad`, they teach only the unit picker, so the topic model is not retrained by them.
   */
  article_asks: z
    .array(nonEmpty, 'must be a list of strings')
    .superRefine((items, ctx) => {
      noDuplicates(items, ctx, 'article_asks');
    })
    .optional(),
  /** Short direct answers to specific questions under this topic; `answer` stays the full article. */
  units: z
    .array(unitEntrySchema, 'must be a list of units')
    .superRefine((units, ctx) => {
      const seen = new Map<string, number>();
      units.forEach((entry, i) => {
        if ('ref' in entry) return; // resolved and checked once every file is read (unit-refs.ts)
        const u = entry;
        const first = seen.get(u.id);
        if (first !== undefined)
          ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate unit id "${u.id}" (also units.${first})` });
        else seen.set(u.id, i);
      });
    })
    .optional(),
});

export type IntentFile = z.infer<typeof intentSchema>;
