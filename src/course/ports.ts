// The course's progress port: what the onboarding flow keeps per person, across restarts and
// shared by replicas. src/store/course-store.ts implements it on the SQL store (SQLite or
// PostgreSQL); tests may use any other implementation. Times are epoch milliseconds.

export interface Enrolment {
  /** Platform-qualified person id: `slack:U123`, `discord:123`, `cli:alice`. */
  user: string;
  platform: string;
  joinedAt: number;
  lastActiveAt: number;
  /** Asked for no reminders (`learn stop`). Learning still works when they ask. */
  optedOut: boolean;
  finishedAt: number | null;
}

export interface QuizAnswer {
  user: string;
  /** `<lesson id>/<question id>`. */
  questionId: string;
  /** 1-based choice number. */
  choice: number;
  correct: boolean;
  at: number;
}

export interface TaskDone {
  user: string;
  lessonId: string;
  /** `host`: seen on the connected host (read-only); `self`: the person said so. */
  how: 'host' | 'self';
  at: number;
}

/** Per question, for the scorecard. */
export interface QuestionTally {
  questionId: string;
  answered: number;
  correct: number;
}

export interface CourseProgress {
  /** Enrols `user` at `at` unless already enrolled; returns the enrolment either way. */
  enrol(user: string, platform: string, at: number): Promise<Enrolment>;
  enrolment(user: string): Promise<Enrolment | undefined>;
  enrolments(): Promise<Enrolment[]>;
  /** Records an answer and marks the person active. */
  recordAnswer(a: QuizAnswer): Promise<void>;
  answers(user: string): Promise<QuizAnswer[]>;
  recordTask(t: TaskDone): Promise<void>;
  tasks(user: string): Promise<TaskDone[]>;
  setOptedOut(user: string, optedOut: boolean): Promise<void>;
  markFinished(user: string, at: number): Promise<void>;
  /** Marks the person active (they looked at a lesson). */
  touch(user: string, at: number): Promise<void>;
  /**
   * True for the first caller ever to claim `key` (`nudge:<user>`, `welcome:<user>`), false for
   * every later caller on any replica: one reminder at most, one welcome.
   */
  claimForever(key: string, at: number): Promise<boolean>;
  tallies(): Promise<QuestionTally[]>;
}
