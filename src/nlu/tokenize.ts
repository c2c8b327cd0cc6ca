// Text → tokens → stems, on `natural`'s regexp tokenizer and Porter stemmer (imported by deep path:
// the package's index costs ~1 s and runs dotenv on import, see natural-modules.d.ts).
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import regexpTokenizer from 'natural/lib/natural/tokenizers/regexp_tokenizer.js';

/** A word: letters/digits, a command-line flag (`-p`, `--rm`), or a number pair (`8080:80`). */
const TOKEN = /--?[a-z][a-z0-9-]*|\d+:\d+(?::\d+)?|[a-z0-9]+/g;
const tokenizer = new regexpTokenizer.RegexpTokenizer({ pattern: TOKEN, gaps: false });

/**
 * Short forms and chat spellings people use, mapped to the word the training examples use.
 * Only unambiguous ones: a wrong mapping costs more than a missed one.
 */
const SHORT_FORMS: Record<string, string> = {
  img: 'image',
  imgs: 'images',
  imges: 'images',
  ctr: 'container',
  ctrs: 'containers',
  cntr: 'container',
  containter: 'container',
  k8s: 'kubernetes',
  kube: 'kubernetes',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  thanx: 'thanks',
  thnx: 'thanks',
  tnx: 'thanks',
  ty: 'thanks',
  tysm: 'thanks',
  u: 'you',
  ur: 'your',
  r: 'are',
  wanna: 'want',
  gonna: 'going',
  dunno: 'know',
};

/** Lower case, one kind of apostrophe dropped inside words ("what's" → "whats", "don't" → "dont"). */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`']/g, (m, i: number, s: string) => (/\w/.test(s[i - 1] ?? '') && /\w/.test(s[i + 1] ?? '') ? '' : ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of a normalized text, short forms expanded. */
export function words(text: string): string[] {
  const raw = tokenizer.tokenize(normalize(text)) ?? [];
  const out: string[] = [];
  for (const w of raw) {
    // `docker-compose` is read as its two words; a flag keeps its dashes.
    if (!w.startsWith('-') && w.includes('-')) out.push(...w.split('-').filter(Boolean));
    // Own keys only: "constructor" is a key of every object and would come back as a function.
    else {
      const plain = unstretched(w);
      out.push(Object.hasOwn(SHORT_FORMS, plain) ? (SHORT_FORMS[plain] as string) : plain);
    }
  }
  return out;
}

/**
 * A letter typed three or more times in a row is read once ("hellooo", "thanksss", "pleaseee"): chat
 * stretches words for tone, and no English word here has a letter three times in a row. Letters
 * only, so ids and numbers keep their spelling.
 */
function unstretched(word: string): string {
  return /^[a-z]{4,}$/.test(word) ? word.replace(/([a-z])\1{2,}/g, '$1') : word;
}

const stemCache = new Map<string, string>();

/** Porter stem of one word (flags and numbers are kept as they are). */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /^[a-z]{3,}$/.test(word) ? PorterStemmer.stem(word) : word;
    if (stemCache.size < 50_000) stemCache.set(word, s);
  }
  return s;
}
