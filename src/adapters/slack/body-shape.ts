// Bolt quirk: HTTPReceiver reads `body.ssl_check` right after JSON.parse, outside any try, so
// a body that parses to `null` (JSON `null`, or a form `payload=null`) throws in a promise
// nobody awaits and, with Node's defaults, ends the process. Such a body is refused here with
// 400 before Bolt sees it. The body is read once and left on `req.rawBody`, where Bolt (and
// the shared server, when it has read it already) keep it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';

type WithRawBody = IncomingMessage & { rawBody?: Buffer };

/** Slack's payloads are far smaller; a bigger body is refused as Bolt would (413). */
const MAX_BODY_BYTES = 256 * 1024;

/** True when the request was answered here (400 or 413) and must not reach Bolt. */
export async function refuseShapelessBody(req: WithRawBody, res: ServerResponse): Promise<boolean> {
  const raw = req.rawBody ?? (await readBody(req));
  if (raw === null) {
    res.writeHead(413).end();
    return true;
  }
  req.rawBody = raw;
  if (parsesToNull(raw.toString('utf8'), req.headers['content-type'])) {
    res.writeHead(400).end();
    return true;
  }
  return false;
}

/** Mirrors Bolt's parseHTTPRequestBody: a form (exact content type) may carry JSON in `payload`. */
export function parsesToNull(text: string, contentType: string | undefined): boolean {
  try {
    if (contentType === 'application/x-www-form-urlencoded') {
      const { payload } = parseQuery(text);
      return typeof payload === 'string' && JSON.parse(payload) === null;
    }
    return JSON.parse(text) === null;
  } catch {
    return false; // malformed: Bolt answers 400 itself, after checking the signature
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
