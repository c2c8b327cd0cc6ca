// The schema of one intent file, `intents/<id>.yaml`. Strict: an unknown key is an error,
// so a typo such as `followup:` is caught at start-up instead of silently ignored.
import { z } from 'zod';

export const INTENT_ID = /^[a-z]+\.[a-z_]+$/;
export const MIN_EXAMPLES = 20;

const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const intentSchema = z.strictObject({
  id: z.string().regex(INTENT_ID, 'must look like `area.name` (lowercase letters, a dot, lowercase letters or _)'),
  title: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
  examples: z.array(nonEmpty, 'must be a list of strings').superRefine((items, ctx) => {
    if (items.length < MIN_EXAMPLES) {
      ctx.addIssue({ code: 'custom', message: `must have at least ${MIN_EXAMPLES} items (has ${items.length})` });
    }
    const seen = new Map<string, number>();
    items.forEach((ex, i) => {
      const key = ex.trim().toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: [i], message: `duplicate of examples.${first} ("${ex.trim()}")` });
      } else {
        seen.set(key, i);
      }
    });
  }),
  answer: nonEmpty,
  followups: z.array(z.string().regex(INTENT_ID, 'is not an intent id'), 'must be a list of intent ids'),
  commands: z.array(nonEmpty, 'must be a list of strings'),
});

export type IntentFile = z.infer<typeof intentSchema>;
