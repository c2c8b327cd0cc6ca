// The scorecard for the team lead: who started and finished, how long finishing took (median),
// and quiz accuracy per question, most-missed first (what to explain in person). Per-person rows
// only for admins; everyone else sees totals.
import type { CourseProgress } from './ports.ts';
import { standing } from './schedule.ts';
import type { Course } from './types.ts';

export interface QuestionScore {
  question: string;
  prompt: string;
  answered: number;
  correct: number;
  /** correct / answered, rounded to 0.01; null when nobody answered. */
  accuracy: number | null;
}

export interface PersonRow {
  user: string;
  platform: string;
  joinedAt: string;
  lessonsDone: number;
  lessonsTotal: number;
  quizAnswered: number;
  quizCorrect: number;
  finishedAt: string | null;
  optedOut: boolean;
}

export interface LearningReport {
  lessons: number;
  started: number;
  finished: number;
  /** Median days from joining to finishing, among those who finished (0.1 precision); null when none did. */
  medianDaysToFinish: number | null;
  questions: QuestionScore[];
  /** Only in an admin's report. */
  people?: PersonRow[];
}

const round = (x: number, step: number) => Math.round(x / step) * step;

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

export async function learningReport(course: Course, progress: CourseProgress, admin: boolean, now: number): Promise<LearningReport> {
  const [enrolments, tallies] = await Promise.all([progress.enrolments(), progress.tallies()]);
  const finished = enrolments.filter((e) => e.finishedAt !== null);
  const days = finished.map((e) => ((e.finishedAt ?? e.joinedAt) - e.joinedAt) / 86_400_000);
  const byQuestion = new Map(tallies.map((t) => [t.questionId, t]));
  const questions = course.lessons
    .flatMap((l) => l.questions)
    .map((q) => {
      const t = byQuestion.get(q.id);
      const answered = t?.answered ?? 0;
      const correct = t?.correct ?? 0;
      return { question: q.id, prompt: q.prompt, answered, correct, accuracy: answered ? round(correct / answered, 0.01) : null };
    })
    .sort((a, b) => (a.accuracy ?? 2) - (b.accuracy ?? 2) || b.answered - a.answered);
  const m = median(days);
  const report: LearningReport = {
    lessons: course.lessons.length,
    started: enrolments.length,
    finished: finished.length,
    medianDaysToFinish: m === null ? null : Number(round(m, 0.1).toFixed(1)),
    questions,
  };
  if (!admin) return report;
  const people = await Promise.all(
    enrolments.map(async (e): Promise<PersonRow> => {
      const answers = await progress.answers(e.user);
      return {
        user: e.user,
        platform: e.platform,
        joinedAt: new Date(e.joinedAt).toISOString(),
        lessonsDone: standing(course, answers, now).lessonsDone.length,
        lessonsTotal: course.lessons.length,
        quizAnswered: answers.length,
        quizCorrect: answers.filter((a) => a.correct).length,
        finishedAt: e.finishedAt === null ? null : new Date(e.finishedAt).toISOString(),
        optedOut: e.optedOut,
      };
    }),
  );
  return { ...report, people };
}
