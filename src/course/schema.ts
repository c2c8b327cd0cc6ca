// The schema of one lesson file, `course/<id>.yaml`. Strict like the intents: an unknown key is an
// error, so a typo is caught when the course loads instead of silently ignored.
import { z } from 'zod';
import { proseWords } from '../knowledge/schema.ts';

export const LESSON_ID = /^[a-z][a-z0-9_]*$/;
/** A lesson is read in a couple of minutes on a phone. */
export const MAX_LESSON_WORDS = 150;
/** `concept.image` or `concept.image/unit_id`: an intent, or one of its answer units. */
export const LINK = /^[a-z]+\.[a-z_]+(\/[a-z][a-z0-9_]*)?$/;

const text = z.string().trim().min(1, 'must not be empty');

const choiceSchema = z.strictObject({
  text: text.max(160, 'must be at most 160 characters (it becomes a button)'),
  correct: z.literal(true).optional(),
  /** Why this choice is right, or why it is wrong: shown after the answer. */
  why: text,
});

const questionSchema = z
  .strictObject({
    id: z.string().regex(LESSON_ID, 'must be lowercase letters, digits or _'),
    prompt: text,
    choices: z
      .array(choiceSchema, 'must be a list of choices')
      .min(2, 'must have at least 2 choices')
      .max(4, 'must have at most 4 choices'),
  })
  .superRefine((q, ctx) => {
    const right = q.choices.filter((c) => c.correct).length;
    if (right !== 1) ctx.addIssue({ code: 'custom', path: ['choices'], message: `must have exactly one correct choice (has ${right})` });
  });

/** What a practice task leaves on the host, looked at read-only. */
const checkSchema = z
  .strictObject({
    /** An image with this reference (`hello:1`) exists. */
    image: text.optional(),
    /** A container with this name exists (any state). */
    container: text.optional(),
    /** …and was created from this image reference. */
    container_image: text.optional(),
    /** No container with this name exists (it was removed). */
    absent_container: text.optional(),
  })
  .refine((c) => Object.keys(c).length > 0, 'must name at least one thing to look for');

export const lessonSchema = z.strictObject({
  id: z.string().regex(LESSON_ID, 'must be lowercase letters, digits or _'),
  order: z.number().int().min(1),
  title: text.max(80, 'must be at most 80 characters'),
  text: text.refine((t) => proseWords(t) <= MAX_LESSON_WORDS, { error: `must be at most ${MAX_LESSON_WORDS} words outside code` }),
  try: z.strictObject({ task: text, check: checkSchema.optional() }),
  questions: z
    .array(questionSchema, 'must be a list of questions')
    .min(2, 'must have at least 2 questions')
    .max(3, 'must have at most 3 questions')
    .superRefine((qs, ctx) => {
      const seen = new Set<string>();
      qs.forEach((q, i) => {
        if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate question id "${q.id}"` });
        seen.add(q.id);
      });
    }),
  links: z.array(z.string().regex(LINK, 'must be an intent id or <intent id>/<unit id>'), 'must be a list of intent or unit ids').min(1),
});

export type LessonFile = z.infer<typeof lessonSchema>;
