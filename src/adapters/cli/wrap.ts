// Word wrapping for the terminal: lines break at spaces, never inside a word (a word longer than
// the line gets a line of its own), and ANSI styling does not count toward the width.

// eslint-disable-next-line no-control-regex -- measuring around escape sequences is the point
const ANSI = /\u001b\[[0-9;]*m/g;

/** Code points: a terminal column each, close enough for the text the bot writes. */
const codePoints = (s: string): string[] => Array.from(s);

export function visibleLength(s: string): number {
  return codePoints(s.replace(ANSI, '')).length;
}

/**
 * Wraps one paragraph to `width` columns. `first` prefixes the first line, `rest` every later one
 * (a list bullet and its hanging indent).
 */
export function wrap(text: string, width: number, first = '', rest = first): string {
  const words = text.split(/ +/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = first;
  let used = visibleLength(first);
  let empty = true;
  for (const w of words) {
    const n = visibleLength(w);
    if (!empty && used + 1 + n > width) {
      lines.push(line);
      line = rest;
      used = visibleLength(rest);
      empty = true;
    }
    line += empty ? w : ` ${w}`;
    used += empty ? n : n + 1;
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}

/** A table cell's text as lines of at most `width` columns (words longer than that are split). */
export function wrapCell(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const line of wrap(text, width).split('\n')) {
    let rest = codePoints(line);
    while (rest.length > width) {
      lines.push(rest.slice(0, width).join(''));
      rest = rest.slice(width);
    }
    lines.push(rest.join(''));
  }
  return lines;
}

/**
 * Column widths that fit `total` columns (with `gap` between columns): natural widths when they
 * fit; otherwise the widest columns give way first, down to `min` each.
 */
export function fitColumns(natural: number[], total: number, gap: number, min = 8): number[] {
  const widths = [...natural];
  const room = total - gap * Math.max(0, widths.length - 1);
  let over = widths.reduce((a, b) => a + b, 0) - room;
  while (over > 0) {
    const widest = Math.max(...widths);
    if (widest <= min) break;
    const i = widths.indexOf(widest);
    const second = Math.max(min, ...widths.filter((_, j) => j !== i).filter((w) => w < widest));
    const cut = Math.min(over, widest - second || 1, widest - min);
    widths[i] = widest - cut;
    over -= cut;
  }
  return widths;
}

/**
 * Lays whole items (commands: never broken inside) on lines of at most `width` columns, `sep`
 * between items on one line; an item longer than a line gets a line of its own.
 */
export function packItems(items: string[], width: number, first: string, rest: string, sep: string): string {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const item of items) {
    if (!empty && visibleLength(line) + visibleLength(sep) + visibleLength(item) > width) {
      lines.push(line);
      line = rest;
      empty = true;
    }
    line += empty ? item : sep + item;
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}
