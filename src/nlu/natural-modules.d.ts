// Types for the few `natural` submodules imported by deep path. Importing the package's top level
// costs about a second and, through its storage modules, runs dotenv (reads ./.env, prints lines),
// so src/nlu imports only these files (test/nlu/import.test.ts checks it).
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/tokenizers/regexp_tokenizer.js' {
  export class RegexpTokenizer {
    constructor(opts?: { pattern?: RegExp; gaps?: boolean; discardEmpty?: boolean });
    tokenize(text: string): string[] | null;
  }
  const mod: { RegexpTokenizer: typeof RegexpTokenizer };
  export default mod;
}

// distance/index.js (not levenshtein_distance.js, which src/host declares with a narrower type).
declare module 'natural/lib/natural/distance/index.js' {
  interface DistanceOptions {
    insertion_cost?: number;
    deletion_cost?: number;
    substitution_cost?: number;
    transposition_cost?: number;
    restricted?: boolean;
  }
  const mod: {
    LevenshteinDistance(a: string, b: string, o?: DistanceOptions): number;
    DamerauLevenshteinDistance(a: string, b: string, o?: DistanceOptions): number;
  };
  export default mod;
}

declare module 'natural/lib/natural/ngrams/ngrams.js' {
  const mod: {
    ngrams(seq: string[], n: number, start?: string, end?: string): string[][];
    bigrams(seq: string[], start?: string, end?: string): string[][];
  };
  export default mod;
}

declare module 'natural/lib/natural/util/stopwords.js' {
  const mod: { words: string[] };
  export default mod;
}
