// Turns the knowledge base's platform-neutral markdown into Answer blocks, once, so each
// adapter renders blocks instead of re-parsing markdown.
import type { Block } from './types.ts';

export function markdownToBlocks(md: string): Block[] {
  const blocks: Block[] = [];
  const lines = md.replace(/\r\n?/g, '\n').split('\n');
  let para: string[] = [];
  let list: { items: string[]; ordered: boolean } | null = null;

  const flushPara = () => {
    if (para.length) blocks.push({ type: 'text', text: para.join(' ').trim() });
    para = [];
  };
  const flushList = () => {
    if (list) blocks.push({ type: 'list', items: list.items, ordered: list.ordered });
    list = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const fence = /^\s*```(\S*)\s*$/.exec(line);
    if (fence) {
      flushPara();
      flushList();
      const code: string[] = [];
      i++;
      while (i < lines.length && !/^\s*```\s*$/.test(lines[i] ?? '')) code.push(lines[i++] ?? '');
      blocks.push({ type: 'code', code: code.join('\n'), ...(fence[1] ? { lang: fence[1] } : {}) });
      continue;
    }
    if (/^\s*\|.*\|\s*$/.test(line)) {
      flushPara();
      flushList();
      const rows: string[][] = [];
      while (i < lines.length && /^\s*\|.*\|\s*$/.test(lines[i] ?? '')) {
        const cells = (lines[i] ?? '')
          .trim()
          .slice(1, -1)
          .split('|')
          .map((c) => c.trim());
        if (!cells.every((c) => /^:?-{2,}:?$/.test(c))) rows.push(cells);
        i++;
      }
      i--;
      const [header = [], ...body] = rows;
      blocks.push({ type: 'table', header, rows: body });
      continue;
    }
    const item = /^\s*(?:([-*+])|(\d+)[.)])\s+(.*)$/.exec(line);
    if (item) {
      flushPara();
      const ordered = item[2] !== undefined;
      if (!list || list.ordered !== ordered) {
        flushList();
        list = { items: [], ordered };
      }
      list.items.push(item[3] ?? '');
      continue;
    }
    if (line.trim() === '') {
      flushPara();
      flushList();
      continue;
    }
    if (list && /^\s{2,}\S/.test(line)) {
      // Continuation of the previous list item.
      list.items.push(`${list.items.pop() ?? ''} ${line.trim()}`);
      continue;
    }
    flushList();
    para.push(line.trim());
  }
  flushPara();
  flushList();
  return blocks;
}

/** Plain text of blocks, for fallbacks, size checks and tests. */
export function blocksToPlainText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'text':
          return b.text;
        case 'list':
          return b.items.map((it, n) => (b.ordered ? `${n + 1}. ${it}` : `- ${it}`)).join('\n');
        case 'code':
          return b.code;
        case 'table':
          return [b.header, ...b.rows].map((r) => r.join(' | ')).join('\n') + (b.more ? `\n…and ${b.more} more` : '');
      }
    })
    .join('\n\n');
}
