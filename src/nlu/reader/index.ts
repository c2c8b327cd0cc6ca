// The message reader behind the core's MessageReader port: the parts of a message (reader),
// and the Docker error messages in it, recognised by signature and filled with its values.
import type { ErrorCatalogue } from '../../core/error-catalogue.ts';
import type { MessageReader, MessageReading } from '../../core/reading-answers.ts';
import { CONTAINER_ARG } from '../docker-flags.ts';
import { extractEntities } from '../entities.ts';
import { explainCommand, explainWords } from '../explain.ts';
import type { DockerCommand } from './command-words.ts';
import { fillTemplate, findErrors } from './error-signatures.ts';
import { readMessage } from './read-message.ts';

/**
 * The container the message's commands act on, when they name exactly one (`docker exec -it redis
 * bash` → redis): an error printed under it ("executable file not found") does not repeat it.
 */
function containerOfCommands(commands: readonly DockerCommand[]): string | undefined {
  const names = new Set(
    commands.filter((c) => c.subcommand !== null && CONTAINER_ARG.has(c.subcommand)).flatMap((c) => extractEntities(c.text).names),
  );
  return names.size === 1 ? [...names][0] : undefined;
}

export function createMessageReader(catalogue: ErrorCatalogue): MessageReader {
  return {
    read(text: string): MessageReading {
      const m = readMessage(text);
      // Read from the commands only when an error is found (most messages have none).
      let container: string | undefined | null = null;
      const fill = (e: ReturnType<typeof findErrors>[number]) => {
        if (container === null) container = containerOfCommands(m.commands);
        // The error's own text names the container best; else the one command that names one.
        const values = { ...(container ? { container } : {}), ...e.values };
        return { ...e, values, cause: fillTemplate(e.entry.cause, values), fix: fillTemplate(e.entry.fix, values) };
      };
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
