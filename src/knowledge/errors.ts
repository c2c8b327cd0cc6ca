// A bad knowledge base stops start-up with ONE error listing every problem, each naming the
// file, the field (a dotted path such as `examples.3`) and what is wrong.
import { CoachError } from '../core/errors.ts';

export interface KnowledgeProblem {
  /** Relative to the knowledge folder's parent, e.g. `intents/concept.image.yaml`. */
  file: string;
  /** Dotted path (`examples.3`), or `(file)` for problems with the file as a whole. */
  field: string;
  message: string;
}

export function formatProblem(p: KnowledgeProblem): string {
  return `${p.file}: ${p.field}: ${p.message}`;
}

export class KnowledgeError extends CoachError {
  readonly problems: readonly KnowledgeProblem[];
  constructor(problems: KnowledgeProblem[]) {
    const n = problems.length;
    super(
      'knowledge.invalid',
      `The knowledge base has ${n} problem${n === 1 ? '' : 's'}:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`,
    );
    this.name = 'KnowledgeError';
    this.problems = problems;
  }
}
