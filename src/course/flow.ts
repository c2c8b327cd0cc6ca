// The onboarding flow, as pure logic over the progress port: start or continue, answer a quiz
// question, confirm a practice task, progress, opt out, and the one reminder. Adapters (terminal,
// Slack, Discord) render what it returns; nothing here knows a platform.
import type { HostPort } from '../core/ports.ts';
import type { CourseProgress, Enrolment } from './ports.ts';
import { DAY_MS, nextStep, opensAt, standing, type Step } from './schedule.ts';
import { checkTaskOnHost, type TaskVerdict } from './tasks.ts';
import type { Choice, Course, Lesson, QuizQuestion } from './types.ts';

export type { Step } from './schedule.ts';

export interface FlowDeps {
  course: Course;
  progress: CourseProgress;
  now: () => number;
  /** COACH_ONBOARDING_NUDGE_DAYS: days without activity before the one reminder. */
  nudgeDays: number;
}

export interface ProgressSummary {
  user: string;
  lessonsDone: number;
  lessonsTotal: number;
  quizAnswered: number;
  quizCorrect: number;
  tasksDone: number;
  optedOut: boolean;
  finished: boolean;
}

export type AnswerResult =
  | { kind: 'answered'; question: QuizQuestion; chosen: Choice; right: Choice; correct: boolean; lessonDone: boolean; next: Step }
  | { kind: 'unknown_question' }
  | { kind: 'bad_choice'; question: QuizQuestion }
  | { kind: 'nothing_to_answer'; next: Step };

export type TaskResult =
  | { kind: 'confirmed'; lesson: Lesson; how: 'host' | 'self' }
  | { kind: 'not_yet'; lesson: Lesson; missing: string[] }
  | { kind: 'unknown_lesson' };

export interface Nudge {
  user: string;
  platform: string;
  lesson: Lesson | null;
}

export class CourseFlow {
  constructor(private readonly d: FlowDeps) {}

  get course(): Course {
    return this.d.course;
  }

  /** Starts (enrols) or continues: the step to show now. */
  async next(user: string, platform: string): Promise<Step> {
    const now = this.d.now();
    const e = await this.d.progress.enrol(user, platform, now);
    await this.d.progress.touch(user, now);
    return this.stepFor(e, now);
  }

  /** What a newcomer sees first, recording nothing (`learn preview` for admins). */
  preview(lessonId?: string): Step {
    const lesson = (lessonId ? this.d.course.lesson(lessonId) : undefined) ?? this.d.course.lessons[0];
    if (!lesson) return { kind: 'finished' };
    const question = lesson.questions[0];
    if (!question) return { kind: 'finished' };
    return { kind: 'lesson', lesson, question, intro: true };
  }

  /**
   * Answers `choice` (1-based). `questionId` is the question a button carried; without it (the
   * terminal's `--answer N`) the question shown now is answered.
   */
  async answer(user: string, platform: string, choice: number, questionId?: string): Promise<AnswerResult> {
    const now = this.d.now();
    const e = await this.d.progress.enrol(user, platform, now);
    let question: QuizQuestion | undefined;
    if (questionId !== undefined) {
      question = this.d.course.question(questionId);
      if (!question) return { kind: 'unknown_question' };
    } else {
      const step = await this.stepFor(e, now);
      if (step.kind !== 'lesson' && step.kind !== 'review') return { kind: 'nothing_to_answer', next: step };
      question = step.question;
    }
    const chosen = question.choices[choice - 1];
    const right = question.choices.find((c) => c.correct);
    if (!Number.isInteger(choice) || !chosen || !right) return { kind: 'bad_choice', question };
    await this.d.progress.recordAnswer({ user, questionId: question.id, choice, correct: chosen.correct, at: now });
    const answers = await this.d.progress.answers(user);
    const s = standing(this.d.course, answers, now);
    const lesson = this.d.course.lesson(question.lessonId);
    const lessonDone = chosen.correct && lesson !== undefined && s.lessonsDone.some((l) => l.id === lesson.id);
    if (s.lessonsDone.length === this.d.course.lessons.length && e.finishedAt === null) await this.d.progress.markFinished(user, now);
    return { kind: 'answered', question, chosen, right, correct: chosen.correct, lessonDone, next: nextStep(this.d.course, e, s, now) };
  }

  /**
   * "I did the task": checked on the host when one is connected and this person may use it and
   * the task leaves something to see; otherwise the person's word is taken.
   */
  async confirmTask(user: string, platform: string, lessonId: string, host: HostPort | null): Promise<TaskResult> {
    const lesson = this.d.course.lesson(lessonId);
    if (!lesson) return { kind: 'unknown_lesson' };
    const now = this.d.now();
    await this.d.progress.enrol(user, platform, now);
    let how: 'host' | 'self' = 'self';
    if (host && lesson.check) {
      const verdict: TaskVerdict = await checkTaskOnHost(lesson.check, host);
      if (!verdict.ok) return { kind: 'not_yet', lesson, missing: verdict.missing };
      how = 'host';
    }
    await this.d.progress.recordTask({ user, lessonId, how, at: now });
    await this.d.progress.touch(user, now);
    return { kind: 'confirmed', lesson, how };
  }

  async progress(user: string): Promise<ProgressSummary> {
    const [e, answers, tasks] = await Promise.all([
      this.d.progress.enrolment(user),
      this.d.progress.answers(user),
      this.d.progress.tasks(user),
    ]);
    const s = standing(this.d.course, answers, this.d.now());
    return {
      user,
      lessonsDone: s.lessonsDone.length,
      lessonsTotal: this.d.course.lessons.length,
      quizAnswered: answers.length,
      quizCorrect: answers.filter((a) => a.correct).length,
      tasksDone: new Set(tasks.map((t) => t.lessonId)).size,
      optedOut: e?.optedOut ?? false,
      finished: s.lessonsDone.length === this.d.course.lessons.length,
    };
  }

  /** `learn stop`: no reminders from now on (lessons still work when asked for). */
  async stop(user: string, platform: string): Promise<void> {
    await this.d.progress.enrol(user, platform, this.d.now());
    await this.d.progress.setOptedOut(user, true);
  }

  /**
   * The reminders due now, each claimed once across replicas: a person who has not been active for
   * `nudgeDays` since their last activity or since their next lesson opened (whichever is later),
   * has not finished and has not opted out, gets one, ever.
   */
  async dueNudges(): Promise<Nudge[]> {
    const now = this.d.now();
    const out: Nudge[] = [];
    for (const e of await this.d.progress.enrolments()) {
      if (e.optedOut || e.finishedAt !== null) continue;
      const step = await this.stepFor(e, now, false);
      if (step.kind === 'finished') continue;
      const lesson = step.kind === 'lesson' || step.kind === 'review' || step.kind === 'wait' ? step.lesson : null;
      const since = Math.max(e.lastActiveAt, lesson ? opensAt(lesson, e.joinedAt) : 0);
      if (now - since < this.d.nudgeDays * DAY_MS) continue;
      if (await this.d.progress.claimForever(`nudge:${e.user}`, now)) out.push({ user: e.user, platform: e.platform, lesson });
    }
    return out;
  }

  /** One welcome per person, whichever replica sees the join (and however often they rejoin). */
  claimWelcome(user: string): Promise<boolean> {
    return this.d.progress.claimForever(`welcome:${user}`, this.d.now());
  }

  private async stepFor(e: Enrolment, now: number, markFinished = true): Promise<Step> {
    const s = standing(this.d.course, await this.d.progress.answers(e.user), now);
    const step = nextStep(this.d.course, e, s, now);
    if (markFinished && step.kind === 'finished' && e.finishedAt === null) await this.d.progress.markFinished(e.user, now);
    return step;
  }
}
