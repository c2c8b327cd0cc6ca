// An intent's exit-code units: those whose question asks about exit codes, each naming the codes
// it answers ("What does exit code 137 mean?"). The code a message or a paste shows decides among
// them, whatever other words lean to: "exits with code 1 immediately" is exit 1's question.
import type { Intent, Unit } from './ports.ts';

const EXIT_QUESTION = /\bexit codes?\b/i;

/** Whether the unit's question is about exit codes. */
const asksExitCode = (u: Unit): boolean => EXIT_QUESTION.test(u.question);

/** Whether the unit's question is about exit codes and names `code`. */
const namesCode = (u: Unit, code: number): boolean => asksExitCode(u) && new RegExp(`\\b${code}\\b`).test(u.question);

/** The unit of `intent` that answers exit code `code`, if one does. */
export const unitForCode = (intent: Intent, code: number): Unit | undefined => intent.units?.find((u) => namesCode(u, code));

/** Whether any unit of `intent` is about exit codes (most intents have none, and need no code read). */
export const hasExitCodeUnits = (intent: Intent): boolean => intent.units?.some(asksExitCode) ?? false;

/** `unit`, or the unit answering `code` when `unit` answers another exit code. */
export function unitForExitCode(intent: Intent, unit: Unit, code: number): Unit {
  if (!asksExitCode(unit) || namesCode(unit, code)) return unit;
  return unitForCode(intent, code) ?? unit;
}
