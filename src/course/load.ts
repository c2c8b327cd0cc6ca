// Loads and validates the course: every `*.yaml` in `dir`, one lesson per file. Every problem is
// collected and thrown together as one CourseError (the same reporting as the intents).
import { CoachError } from '../core/errors.ts';
import { formatProblem, type KnowledgeProblem } from '../knowledge/errors.ts';
import { readYamlFolder } from '../knowledge/yaml-folder.ts';
import { lessonSchema, type LessonFile } from './schema.ts';
import type { Course, Lesson } from './types.ts';

export class CourseError extends CoachError {
  readonly problems: readonly KnowledgeProblem[];
  constructor(problems: KnowledgeProblem[]) {
    const n = problems.length;
    super(
      'course.invalid',
      `The course has ${n} problem${n === 1 ? '' : 's'}:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`,
    );
    this.name = 'CourseError';
    this.problems = problems;
  }
}

function toLesson(f: LessonFile): Lesson {
  const c = f.try.check;
  return {
    id: f.id,
    order: f.order,
    title: f.title,
    text: f.text.trim(),
    task: f.try.task,
    ...(c
      ? {
          check: {
            ...(c.image ? { image: c.image } : {}),
            ...(c.container ? { container: c.container } : {}),
            ...(c.container_image ? { containerImage: c.container_image } : {}),
            ...(c.absent_container ? { absentContainer: c.absent_container } : {}),
          },
        }
      : {}),
    questions: f.questions.map((q) => ({
      id: `${f.id}/${q.id}`,
      lessonId: f.id,
      prompt: q.prompt,
      choices: q.choices.map((ch) => ({ text: ch.text, correct: ch.correct === true, why: ch.why })),
    })),
    links: f.links,
  };
}

export function courseOf(lessons: Lesson[]): Course {
  const sorted = [...lessons].sort((a, b) => a.order - b.order);
  const byId = new Map(sorted.map((l) => [l.id, l]));
  const questions = new Map(sorted.flatMap((l) => l.questions.map((q) => [q.id, q] as const)));
  return { lessons: sorted, lesson: (id) => byId.get(id), question: (id) => questions.get(id) };
}

/**
 * `knownLinks` (optional): whether an intent id or `<intent>/<unit>` exists; when given, a lesson
 * linking to something that does not exist is a problem too.
 */
export function loadCourse(dir: string, knownLinks?: (link: string) => boolean): Course {
  const problems: KnowledgeProblem[] = [];
  const files = readYamlFolder(dir, lessonSchema, problems, 'lesson', 'id, order, title, text, try, questions, links');
  const orderOf = new Map<number, string>();
  const lessons: Lesson[] = [];
  for (const { file, stem, data } of files) {
    if (data.id !== stem) problems.push({ file, field: 'id', message: `"${data.id}" does not match the file name (expected "${stem}")` });
    const other = orderOf.get(data.order);
    if (other !== undefined) problems.push({ file, field: 'order', message: `order ${data.order} is also used by ${other}` });
    orderOf.set(data.order, file);
    data.links.forEach((link, i) => {
      if (knownLinks && !knownLinks(link)) problems.push({ file, field: `links.${i}`, message: `unknown intent or answer unit "${link}"` });
    });
    lessons.push(toLesson(data));
  }
  if (problems.length > 0) throw new CourseError(problems);
  return courseOf(lessons);
}
