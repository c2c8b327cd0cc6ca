// Where a person stands, derived from their answers alone (so every replica agrees): which
// questions are mastered, which come back for review, which lesson is next and when it opens.
import type { Enrolment, QuizAnswer } from './ports.ts';
import type { Course, Lesson, QuizQuestion } from './types.ts';

export const DAY_MS = 86_400_000;
export const dayOf = (t: number) => Math.floor(t / DAY_MS);

/** One lesson a day: lesson n opens n-1 days after the day the person joined. */
export function opensAt(lesson: Lesson, joinedAt: number): number {
  return (dayOf(joinedAt) + lesson.order - 1) * DAY_MS;
}

export interface Standing {
  /** Questions answered right at least once. */
  mastered: Set<string>;
  /** Questions answered at least once. */
  seen: Set<string>;
  /** Questions never answered right whose last wrong answer was on an earlier day: ask again. */
  dueReviews: QuizQuestion[];
  /** Questions answered wrong today: they come back tomorrow. */
  laterReviews: QuizQuestion[];
  lessonsDone: Lesson[];
}

export function standing(course: Course, answers: readonly QuizAnswer[], now: number): Standing {
  const mastered = new Set<string>();
  const seen = new Set<string>();
  const lastWrong = new Map<string, number>();
  for (const a of answers) {
    seen.add(a.questionId);
    if (a.correct) mastered.add(a.questionId);
    else lastWrong.set(a.questionId, Math.max(lastWrong.get(a.questionId) ?? 0, a.at));
  }
  const questions = course.lessons.flatMap((l) => l.questions);
  const open = questions.filter((q) => seen.has(q.id) && !mastered.has(q.id));
  const isDue = (q: QuizQuestion) => dayOf(lastWrong.get(q.id) ?? now) < dayOf(now);
  return {
    mastered,
    seen,
    dueReviews: open.filter(isDue),
    laterReviews: open.filter((q) => !isDue(q)),
    lessonsDone: course.lessons.filter((l) => l.questions.every((q) => mastered.has(q.id))),
  };
}

export type Step =
  | { kind: 'lesson'; lesson: Lesson; question: QuizQuestion; intro: boolean }
  | { kind: 'review'; lesson: Lesson; question: QuizQuestion }
  | { kind: 'wait'; lesson: Lesson; opensAt: number }
  | { kind: 'reviews_tomorrow'; count: number }
  | { kind: 'finished' };

/** What the person sees next: a due review first, then the next question of the current lesson. */
export function nextStep(course: Course, enrolment: Enrolment, s: Standing, now: number): Step {
  const review = s.dueReviews[0];
  if (review) return { kind: 'review', lesson: lessonOf(course, review), question: review };
  const lesson = course.lessons.find((l) => l.questions.some((q) => !s.seen.has(q.id)));
  if (!lesson) return s.laterReviews.length > 0 ? { kind: 'reviews_tomorrow', count: s.laterReviews.length } : { kind: 'finished' };
  const at = opensAt(lesson, enrolment.joinedAt);
  if (now < at) return { kind: 'wait', lesson, opensAt: at };
  const question = lesson.questions.find((q) => !s.seen.has(q.id));
  if (!question) throw new Error('unreachable: a lesson with an unseen question');
  return { kind: 'lesson', lesson, question, intro: lesson.questions.every((q) => !s.seen.has(q.id)) };
}

function lessonOf(course: Course, q: QuizQuestion): Lesson {
  const l = course.lesson(q.lessonId);
  if (!l) throw new Error(`question ${q.id} has no lesson`);
  return l;
}
