// What an adapter needs to run the course: the flow, the scorecard, and a way to let go of the
// store. Built by the composition root (src/app/course.ts) on the store it opened.
import { CourseFlow } from './flow.ts';
import type { CourseProgress } from './ports.ts';
import { learningReport, type LearningReport } from './report.ts';
import type { Course } from './types.ts';

export interface Learning {
  flow: CourseFlow;
  /** The scorecard; per-person rows only when `admin`. */
  report(admin: boolean): Promise<LearningReport>;
  close(): Promise<void>;
}

export function createLearning(o: {
  course: Course;
  progress: CourseProgress;
  now: () => number;
  nudgeDays: number;
  close: () => Promise<void>;
}): Learning {
  const flow = new CourseFlow({ course: o.course, progress: o.progress, now: o.now, nudgeDays: o.nudgeDays });
  return { flow, report: (admin) => learningReport(o.course, o.progress, admin, o.now()), close: o.close };
}
