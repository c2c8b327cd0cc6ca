// Checks what a person typed before anything else looks at it: empty, binary or
// unreadable text gets a kind message; very long text is capped (and the answer says so).

export type InputCheck =
  { ok: true; text: string; capped: boolean; originalLength: number } | { ok: false; reason: 'empty' | 'binary'; message: string };

// C0 controls other than tab/newline/CR, DEL, and C1 controls.
const CONTROL = /(?![\t\n\r])\p{Cc}/gu;

/** The longest container or image name looked up (`why NAME`, autocomplete). */
export const MAX_NAME_CHARS = 256;

export function checkInput(raw: unknown, maxChars: number): InputCheck {
  const text = typeof raw === 'string' ? raw : '';
  const originalLength = text.length;
  // Only look at a bounded prefix: the cap is applied before any costly work.
  const head = text.slice(0, maxChars * 2);
  const controls = head.match(CONTROL)?.length ?? 0;
  const replacement = head.match(/\uFFFD/g)?.length ?? 0;
  const visible = head
    .replace(CONTROL, '')
    .replace(/\uFFFD/g, '')
    .trim();
  if (visible.length === 0 && controls + replacement === 0) {
    return {
      ok: false,
      reason: 'empty',
      message: 'I got an empty message. Ask me something about Docker images or containers, or type `help`.',
    };
  }
  if (head.includes('\u0000') || (controls + replacement) / Math.max(1, head.length) > 0.1 || visible.length === 0) {
    return {
      ok: false,
      reason: 'binary',
      message:
        'That looks like binary or garbled data, so I could not read it as a question. Paste the text of the error or ask in plain words.',
    };
  }
  const cleaned = head.replace(CONTROL, ' ').replace(/\uFFFD/g, ' ');
  const capped = originalLength > maxChars;
  return { ok: true, text: cleaned.slice(0, maxChars).trim(), capped, originalLength };
}
