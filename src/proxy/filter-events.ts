// `GET /events` answers are a stream of JSON lines: filtered one line at a time, so the proxy
// holds at most one event. `exec_*` events are dropped whole — their Action and status carry
// the command line typed into `docker exec` (`exec_create: sh -c … --password=…`), and the bot
// never needs them. Every other event goes through the secret-shaped scrub: container labels
// travel in `Actor.Attributes`. A line that is not JSON is dropped, not passed on as text.
import { Transform, type TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { defuse } from './defuse.ts';
import { scrubDeep } from './scrub.ts';

export class EventsTooLargeError extends Error {
  constructor(what: string, limit: number) {
    super(`events answer too large: ${what} over ${limit} bytes`);
    this.name = 'EventsTooLargeError';
  }
}

type Loose = Record<string, unknown>;

/** One event, filtered; null when it is dropped. */
export function filterEvent(event: unknown): Loose | null {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return null;
  const e = event as Loose;
  if (isExec(e.Action) || isExec(e.status)) return null;
  return scrubDeep(defuse(e)) as Loose;
}

const isExec = (x: unknown) => typeof x === 'string' && x.trimStart().toLowerCase().startsWith('exec_');

export interface EventsLimits {
  /** All bytes read from the engine. */
  maxBytes: number;
  /** One line. */
  maxLineBytes: number;
}

/** NDJSON in, filtered NDJSON out; errors (EventsTooLargeError) past either limit. */
export function eventsFilter(limits: EventsLimits): Transform {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let total = 0;
  const emit = (t: Transform, line: string) => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return;
    }
    const kept = filterEvent(parsed);
    if (kept) t.push(`${JSON.stringify(kept)}\n`);
  };
  return new Transform({
    transform(this: Transform, chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      total += chunk.length;
      if (total > limits.maxBytes) {
        done(new EventsTooLargeError('the whole answer', limits.maxBytes));
        return;
      }
      pending += decoder.write(chunk);
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      if ([pending, ...lines].some((l) => Buffer.byteLength(l) > limits.maxLineBytes)) {
        done(new EventsTooLargeError('one event', limits.maxLineBytes));
        return;
      }
      for (const line of lines) emit(this, line);
      done();
    },
    flush(this: Transform, done: TransformCallback) {
      emit(this, pending + decoder.end());
      done();
    },
  });
}
