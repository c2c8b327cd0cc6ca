// A writable stream that keeps what was written, for commands that print to a stream.
import { Writable } from 'node:stream';

export function sink(): { out: Writable; text: () => string } {
  let buf = '';
  const out = new Writable({
    write(chunk: Buffer, _enc, cb) {
      buf += chunk.toString();
      cb();
    },
  });
  return { out, text: () => buf };
}
