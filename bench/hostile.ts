// The time the NLU's text scanners take on hostile input (test/fixtures/hostile-inputs.ts): the
// tests check what comes back; this measures how long it takes, for the bench:nlu table.
import { extractEntities } from '../src/nlu/entities.ts';
import { explainCommand } from '../src/nlu/explain.ts';
import { withoutFraming } from '../src/nlu/framing.ts';
import { hostileCommandLines, hostileEntityInputs, hostileFramings } from '../test/fixtures/hostile-inputs.ts';

/** The slowest single call over every hostile input, in ms (budget: well under a second each). */
export function slowestHostileInputMs(): number {
  const calls = [
    ...hostileEntityInputs.map(
      ([, t]) =>
        () =>
          extractEntities(t),
    ),
    ...hostileCommandLines.map((t) => () => explainCommand(t)),
    ...hostileFramings.map((t) => () => withoutFraming(t)),
  ];
  let slowest = 0;
  for (const call of calls) {
    const started = performance.now();
    call();
    slowest = Math.max(slowest, performance.now() - started);
  }
  return slowest;
}
