// What the message itself carries, turned into an answer before the classifier is asked: a
// Docker error message it contains, or pasted output (read by the same rules as a live host).
// And the notes an intent's file attaches to flags of the person's own command (`--rm`).
import type { Intent, KnowledgeBase } from './ports.ts';
import { errorMessageAnswer, pastedOutputAnswer, type MessageReading, type PasteReader, type ReadCommand } from './reading-answers.ts';
import type { Answer, Entities } from './types.ts';

export interface ReadingContext {
  kb: KnowledgeBase;
  reading: MessageReading;
  pasted?: PasteReader;
  entities: Entities;
  /** Entities of the sentences alone: the name asked about, not every name in a pasted table. */
  asked: Entities;
}

/** An answer from the message's own content, or null when it carries none we can read. */
export function answerFromReading(c: ReadingContext): Answer | null {
  const { kb, reading, entities } = c;
  if (reading.errors.length > 0) return errorMessageAnswer(kb, reading.errors, entities);
  if (reading.outputs.length > 0 && c.pasted) {
    const subject = c.asked.names[0] ?? c.asked.images[0];
    const evidence = c.pasted.read(reading.outputs.join('\n\n'), subject ? { subject } : {});
    if (evidence && evidence.read > 0) {
      const code = evidence.findings.find((f) => f.severity !== 'info')?.code ?? evidence.findings[0]?.code;
      const topic = kb.intents.find((i) => code !== undefined && i.explains?.includes(code));
      if (topic) return pastedOutputAnswer(kb, topic.id, evidence, entities);
    }
  }
  if (reading.outputErrors.length > 0) return errorMessageAnswer(kb, reading.outputErrors, entities);
  return null;
}

/** The intent's notes that apply to the flags of the docker commands in the message. */
export function commandNotes(intent: Intent, commands: readonly ReadCommand[]): string[] {
  const notes = intent.command_notes ?? [];
  return notes
    .filter((n) => commands.some((cmd) => (!n.subcommand || cmd.subcommand === n.subcommand) && hasFlag(cmd.words, n.flag)))
    .map((n) => n.note);
}

/** `--rm`, `--rm=true`, or a short flag inside a group (`-d` in `-dit`), before the image. */
function hasFlag(words: readonly string[], flag: string): boolean {
  return words.some((w) => {
    if (flag.startsWith('--')) return w === flag || w.startsWith(`${flag}=`);
    return /^-[a-zA-Z]{1,6}$/.test(w) && w.includes(flag.slice(1));
  });
}
