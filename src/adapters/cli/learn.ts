// `coach learn` (the onboarding course in the terminal: lessons, numbered choices, progress) and
// `coach report --learning` (the scorecard; in the terminal the operator is an admin).
import type { AnswerResult, CourseFlow, Step, TaskResult } from '../../course/flow.ts';
import type { Learning } from '../../course/learning.ts';
import type { LearningReport } from '../../course/report.ts';
import type { Io } from './io.ts';

export const LEARN_USAGE = `Usage: coach learn --user NAME [--answer N | --done | --progress [--json] | --stop | --preview]

The onboarding course: one short lesson a day (counted from the day you started), a task to try,
and a quiz. Without options, prints your next lesson or question with numbered choices.
  --answer N    answer the question shown with choice N; prints whether it is right, and why
  --done        you did the lesson's "try it" task
  --progress    lessons done and quiz answers (--json: {"user","lessonsDone","lessonsTotal","quizAnswered","quizCorrect"})
  --stop        no reminders from now on
  --preview     what a newcomer sees first (records nothing)
Progress is kept in the store (COACH_DATA_DIR, or DATABASE_URL).`;

export const REPORT_USAGE = `Usage: coach report --learning [--json]

The onboarding course's scorecard: who started and finished, the median days to finish, and quiz
accuracy per question, most-missed first, with one row per person.`;

export const LEARN_OPTIONS = {
  user: { type: 'string', short: 'u' },
  answer: { type: 'string', short: 'a' },
  done: { type: 'boolean' },
  progress: { type: 'boolean' },
  stop: { type: 'boolean' },
  preview: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

export const REPORT_OPTIONS = { learning: { type: 'boolean' }, json: { type: 'boolean' } } as const;

type Values = Record<string, string | boolean | undefined>;

/** A usage problem: cli.ts prints it and exits 2. */
export class LearnUsageError extends Error {}

const indent = (text: string) =>
  text
    .split('\n')
    .map((l) => (l ? `  ${l}` : l))
    .join('\n');

export function renderStep(step: Step, flow: CourseFlow, user: string): string {
  const total = flow.course.lessons.length;
  switch (step.kind) {
    case 'finished':
      return `You have finished the course, all ${total} lessons. Well done!`;
    case 'reviews_tomorrow':
      return `All lessons seen. ${step.count} question${step.count === 1 ? '' : 's'} you missed come${step.count === 1 ? 's' : ''} back tomorrow.`;
    case 'wait':
      return `That's today's lesson done. Lesson ${step.lesson.order} of ${total}, "${step.lesson.title}", opens on ${new Date(step.opensAt).toISOString().slice(0, 10)}.`;
    case 'lesson':
    case 'review': {
      const { lesson, question } = step;
      const parts: string[] = [];
      if (step.kind === 'review') parts.push(`Review from lesson ${lesson.order}, "${lesson.title}":`);
      else if (step.intro)
        parts.push(
          `Lesson ${lesson.order} of ${total}: ${lesson.title}`,
          indent(lesson.text),
          `Try it: ${lesson.task}\n  (when you have: coach learn --user ${user} --done)`,
        );
      const n = lesson.questions.findIndex((q) => q.id === question.id) + 1;
      const choices = question.choices.map((c, i) => `  ${i + 1}. ${c.text}`).join('\n');
      parts.push(
        `Question ${n} of ${lesson.questions.length}: ${question.prompt}\n${choices}\nAnswer with: coach learn --user ${user} --answer N`,
      );
      return parts.join('\n\n');
    }
  }
}

function renderAnswer(r: AnswerResult, flow: CourseFlow, user: string): string {
  switch (r.kind) {
    case 'unknown_question':
      return 'That question is not in the course.';
    case 'bad_choice':
      return `Choose a number from 1 to ${r.question.choices.length}.`;
    case 'nothing_to_answer':
      return `There is no question to answer right now.\n\n${renderStep(r.next, flow, user)}`;
    case 'answered': {
      const verdict = r.correct
        ? `Right! ${r.chosen.why}`
        : `Not quite. "${r.chosen.text}": ${r.chosen.why}\nThe answer is "${r.right.text}": ${r.right.why}\nThis question comes back on a later day.`;
      const done = r.lessonDone ? `\n\nLesson done.` : '';
      return `${verdict}${done}\n\n${renderStep(r.next, flow, user)}`;
    }
  }
}

function renderTask(r: TaskResult): string {
  if (r.kind === 'unknown_lesson') return 'There is no lesson to confirm yet: start with coach learn --user NAME.';
  if (r.kind === 'not_yet') return `Not there yet:\n${r.missing.map((m) => `  - ${m}`).join('\n')}`;
  return `Task of lesson ${r.lesson.order} done${r.how === 'host' ? ' (seen on the host)' : ''}. Nice work.`;
}

/** The lesson whose task `--done` confirms: the one shown now, or the last one opened. */
async function currentLessonId(flow: CourseFlow, user: string): Promise<string | undefined> {
  const step = await flow.next(user, 'cli');
  if (step.kind === 'lesson' || step.kind === 'review') return step.lesson.id;
  if (step.kind === 'wait') return flow.course.lessons.find((l) => l.order === step.lesson.order - 1)?.id;
  return flow.course.lessons.at(-1)?.id;
}

export async function runLearn(v: Values, pos: string[], io: Io, learning: () => Promise<Learning>): Promise<number> {
  if (pos.length) throw new LearnUsageError('learn takes no arguments (see coach learn --help)');
  const name = typeof v['user'] === 'string' ? v['user'].trim() : '';
  if (!v['preview'] && !name) throw new LearnUsageError('learn needs --user NAME, e.g. coach learn --user alice');
  const modes = ['answer', 'done', 'progress', 'stop', 'preview'].filter((k) => v[k] !== undefined);
  if (modes.length > 1) throw new LearnUsageError(`choose one of --${modes.join(', --')}`);
  const choice = v['answer'] === undefined ? undefined : Number(v['answer']);
  if (choice !== undefined && !(Number.isInteger(choice) && choice >= 1))
    throw new LearnUsageError(`--answer must be a choice number (1, 2, …), got "${String(v['answer'])}"`);
  const l = await learning();
  try {
    const user = `cli:${name}`;
    const out = (s: string) => io.stdout.write(`${s}\n`);
    if (v['preview']) out(renderStep(l.flow.preview(), l.flow, name || 'NAME'));
    else if (choice !== undefined) out(renderAnswer(await l.flow.answer(user, 'cli', choice), l.flow, name));
    else if (v['progress']) {
      const p = await l.flow.progress(user);
      const row = {
        user: name,
        lessonsDone: p.lessonsDone,
        lessonsTotal: p.lessonsTotal,
        quizAnswered: p.quizAnswered,
        quizCorrect: p.quizCorrect,
      };
      out(
        v['json']
          ? JSON.stringify(row)
          : `${name}: ${p.lessonsDone} of ${p.lessonsTotal} lessons done; ${p.quizAnswered} answers, ${p.quizCorrect} right.`,
      );
    } else if (v['stop']) {
      await l.flow.stop(user, 'cli');
      out(`No more reminders for ${name}. Continue any time with coach learn --user ${name}.`);
    } else if (v['done']) {
      const id = await currentLessonId(l.flow, user);
      out(renderTask(id ? await l.flow.confirmTask(user, 'cli', id, null) : { kind: 'unknown_lesson' }));
    } else out(renderStep(await l.flow.next(user, 'cli'), l.flow, name));
    return 0;
  } finally {
    await l.close();
  }
}

function renderReport(r: LearningReport): string {
  const pct = (x: number | null) => (x === null ? '   -' : `${Math.round(x * 100)}%`.padStart(4));
  const lines = [
    `Onboarding course: ${r.lessons} lessons`,
    `Started: ${r.started}   Finished: ${r.finished}   Median time to finish: ${r.medianDaysToFinish === null ? '-' : `${r.medianDaysToFinish.toFixed(1)} days`}`,
    '',
    'Quiz accuracy per question (most missed first)',
    '  right  answers  question',
    ...r.questions.map((q) => `  ${pct(q.accuracy)}  ${String(q.answered).padStart(7)}  ${q.question}`),
  ];
  if (r.people) {
    lines.push('', 'People', '  lessons  answers  right  joined      finished    user');
    for (const p of r.people)
      lines.push(
        `  ${`${p.lessonsDone}/${p.lessonsTotal}`.padStart(7)}  ${String(p.quizAnswered).padStart(7)}  ${String(p.quizCorrect).padStart(5)}  ${p.joinedAt.slice(0, 10)}  ${(p.finishedAt ?? '-').slice(0, 10).padEnd(10)}  ${p.user}${p.optedOut ? ' (no reminders)' : ''}`,
      );
  }
  return lines.join('\n');
}

export async function runLearningReport(v: Values, io: Io, learning: () => Promise<Learning>): Promise<number> {
  const l = await learning();
  try {
    const r = await l.report(true);
    io.stdout.write(`${v['json'] ? JSON.stringify(r) : renderReport(r)}\n`);
    return 0;
  } finally {
    await l.close();
  }
}
