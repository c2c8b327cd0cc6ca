// The course as the flow sees it: lessons in order, each with a practice task and its quiz.
// Question ids are `<lesson id>/<question id>`; choices are numbered from 1 for people.

export interface Choice {
  text: string;
  correct: boolean;
  /** Why this choice is right or wrong. */
  why: string;
}

export interface QuizQuestion {
  /** `<lesson id>/<question id>`. */
  id: string;
  lessonId: string;
  prompt: string;
  choices: Choice[];
}

/** What a practice task leaves on the host (checked read-only). */
export interface TaskCheck {
  image?: string;
  container?: string;
  containerImage?: string;
  absentContainer?: string;
}

export interface Lesson {
  id: string;
  order: number;
  title: string;
  text: string;
  task: string;
  check?: TaskCheck;
  questions: QuizQuestion[];
  /** Intent ids or `<intent>/<unit>` answer units to read more. */
  links: string[];
}

export interface Course {
  lessons: Lesson[];
  lesson(id: string): Lesson | undefined;
  question(id: string): QuizQuestion | undefined;
}
