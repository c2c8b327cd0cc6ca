// Checks that need every intent at once: follow-ups and swaps point to intents that exist,
// a swap is answered by a swap back, and each shortcut (`why`, `ps`, …) belongs to one intent
// whose action fits it.
import { SHORTCUT_ACTION, type SwapObject } from '../core/intent-kinds.ts';
import type { Intent } from '../core/ports.ts';
import type { KnowledgeProblem } from './errors.ts';

const OTHER_SIDE: Record<SwapObject, SwapObject> = { images: 'containers', containers: 'images' };

/** `fileOf` maps each intent id to the file it came from. */
export function crossReferenceProblems(intents: readonly Intent[], fileOf: ReadonlyMap<string, string>): KnowledgeProblem[] {
  const byId = new Map(intents.map((i) => [i.id, i]));
  const problems: KnowledgeProblem[] = [];
  const shortcutOwner = new Map<string, string>();
  for (const intent of intents) {
    const file = fileOf.get(intent.id) ?? intent.id;
    const ref = (field: string, id: string) => {
      if (id === intent.id) problems.push({ file, field, message: `"${id}" points to the intent itself` });
      else if (!byId.has(id)) problems.push({ file, field, message: `unknown intent id "${id}"` });
    };
    intent.followups.forEach((id, i) => {
      ref(`followups.${i}`, id);
    });
    for (const [object, id] of Object.entries(intent.swap ?? {}) as [SwapObject, string][]) {
      ref(`swap.${object}`, id);
      const back = byId.get(id)?.swap?.[OTHER_SIDE[object]];
      if (byId.has(id) && id !== intent.id && back !== intent.id)
        problems.push({
          file,
          field: `swap.${object}`,
          message: `"${id}" does not swap back: add \`swap: { ${OTHER_SIDE[object]}: ${intent.id} }\` to it`,
        });
    }
    if (intent.shortcut) {
      const want = SHORTCUT_ACTION[intent.shortcut];
      if (intent.action !== want)
        problems.push({
          file,
          field: 'shortcut',
          message: `\`${intent.shortcut}\` needs action \`${want}\` (this intent has \`${intent.action}\`)`,
        });
      const other = shortcutOwner.get(intent.shortcut);
      if (other !== undefined)
        problems.push({ file, field: 'shortcut', message: `\`${intent.shortcut}\` is already the shortcut of ${other}` });
      else shortcutOwner.set(intent.shortcut, file);
    }
  }
  return problems;
}
