// The message reader behind the core's MessageReader port: the parts of a message (reader),
// and the Docker error messages in it, recognised by signature and filled with its values.
import type { ErrorCatalogue } from '../../core/error-catalogue.ts';
import type { MessageReader, MessageReading } from '../../core/reading-answers.ts';
import { explainCommand, explainWords } from '../explain.ts';
import { fillTemplate, findErrors } from './error-signatures.ts';
import { readMessage } from './read-message.ts';

export function createMessageReader(catalogue: ErrorCatalogue): MessageReader {
  return {
    read(text: string): MessageReading {
      const m = readMessage(text);
      const fill = (e: ReturnType<typeof findErrors>[number]) => ({
        ...e,
        cause: fillTemplate(e.entry.cause, e.values),
        fix: fillTemplate(e.entry.fix, e.values),
      });
      // An error pasted on its own line or in prose is the message's point; a status such as
      // `Exited (137)` inside a pasted table is evidence for the table's reader first.
      const outside = m.outputs.reduce((t, o) => t.replace(o, '\n'), text);
      const errors = findErrors(outside, catalogue).map(fill);
      const ids = new Set(errors.map((e) => e.entry.id));
      const inOutput = m.outputs.length
        ? findErrors(m.outputs.join('\n'), catalogue)
            .filter((e) => !ids.has(e.entry.id))
            .map(fill)
        : [];
      return {
        errors,
        outputErrors: inOutput,
        outputs: m.outputs,
        commands: m.commands.map((c) => {
          const e = explainWords(c.words, c.text);
          return {
            text: c.text,
            words: c.words,
            subcommand: c.subcommand,
            ...(e?.summary ? { summary: e.summary } : {}),
            ...(e?.mistakes ? { mistakes: e.mistakes } : {}),
          };
        }),
        question: m.question,
        prose: m.prose,
        words: m.words,
        explained: m.commands.length > 0 ? explainCommand(text) : null,
      };
    },
  };
}
