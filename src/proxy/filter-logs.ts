// Container logs (only when enabled, at most 50 lines, never followed — the allow-list sees to
// that) are redacted before they leave: secret shapes, and the container's own environment
// values, which the proxy reads from its inspect first (a process that prints its settings).
// The engine sends logs multiplexed in frames (8-byte header: stream, 0, 0, 0, length) unless the
// container has a TTY; frames are rewritten one by one with their new length.
import { scrubText } from '../host/redact.ts';
import { defuseLines } from './defuse.ts';

interface Frame {
  stream: number;
  payload: Buffer;
}

/** The frames, when the whole body is exactly a sequence of frames; else null (a TTY's raw text). */
function frames(body: Buffer): Frame[] | null {
  const out: Frame[] = [];
  let i = 0;
  while (i + 8 <= body.length) {
    const stream = body.readUInt8(i);
    if (stream > 2 || body[i + 1] !== 0 || body[i + 2] !== 0 || body[i + 3] !== 0) return null;
    const size = body.readUInt32BE(i + 4);
    if (i + 8 + size > body.length) return null;
    out.push({ stream, payload: body.subarray(i + 8, i + 8 + size) });
    i += 8 + size;
  }
  return i === body.length ? out : null;
}

function frame(stream: number, text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

export function filterLogs(body: Buffer, envValues: readonly string[]): Buffer {
  // A line the scan cannot take quickly (defuse.ts) goes whole; the rest is scanned together, so
  // a private key over several lines is still found.
  const scrub = (text: string) => scrubText(defuseLines(text), envValues);
  const parts = body.length > 0 ? frames(body) : [];
  if (!parts) return Buffer.from(scrub(body.toString('utf8')), 'utf8');
  return Buffer.concat(parts.map((f) => frame(f.stream, scrub(f.payload.toString('utf8')))));
}
