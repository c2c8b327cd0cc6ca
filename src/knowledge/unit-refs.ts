// `- ref: command.run/port_mapping` in an intent's `units:` borrows another topic's unit: one
// question and one answer, written once, offered under both topics. Resolved once every file is
// read; the borrowed unit keeps its id (unique within the borrowing intent too) and names its owner.
// The ref's own examples stay with the borrowing topic; the owner's come along for the unit picker.
import type { Intent, Unit } from '../core/ports.ts';
import type { KnowledgeProblem } from './errors.ts';
import type { IntentFile } from './schema.ts';

type Entry = NonNullable<IntentFile['units']>[number];
const isRef = (e: Entry): e is Extract<Entry, { ref: string }> => 'ref' in e;

/** Every intent with its refs replaced by the units they name; problems for refs that can't be. */
export function resolveUnitRefs(files: readonly IntentFile[], fileOf: ReadonlyMap<string, string>, problems: KnowledgeProblem[]): Intent[] {
  const own = new Map<string, Unit>();
  for (const f of files) for (const e of f.units ?? []) if (!isRef(e)) own.set(`${f.id}/${e.id}`, e);
  return files.map((f) => {
    const file = fileOf.get(f.id) ?? f.id;
    const seen = new Map<string, number>();
    const units: Unit[] = [];
    (f.units ?? []).forEach((e, i) => {
      const field = `units.${String(i)}`;
      let unit: Unit | undefined = e as Unit;
      if (isRef(e)) {
        const [owner = ''] = e.ref.split('/');
        const target = own.get(e.ref);
        if (owner === f.id)
          problems.push({ file, field: `${field}.ref`, message: `"${e.ref}" is this intent's own unit: write it here instead` });
        else if (!target)
          problems.push({
            file,
            field: `${field}.ref`,
            message: `no unit "${e.ref}" (a ref must name a unit defined in another intent's file)`,
          });
        unit = owner !== f.id && target ? { ...target, examples: e.examples ?? [], owner, sharedExamples: target.examples } : undefined;
      }
      if (!unit) return;
      const first = seen.get(unit.id);
      if (first !== undefined && isRef(e))
        problems.push({ file, field, message: `"${e.ref}" has the same unit id as units.${String(first)}` });
      else if (first === undefined) seen.set(unit.id, i);
      units.push(unit);
    });
    const { units: _entries, ...rest } = f;
    return f.units === undefined ? rest : { ...rest, units };
  });
}
