// Types for the two `natural` modules imported by deep path (fuzzy.ts). The package top level
// is never imported: it loads every module (about a second) and runs dotenv.
declare module 'natural/lib/natural/distance/jaro-winkler_distance.js' {
  const JaroWinklerDistance: (s1: string, s2: string, options?: { dj?: number; ignoreCase?: boolean }) => number;
  export default JaroWinklerDistance;
}

declare module 'natural/lib/natural/distance/levenshtein_distance.js' {
  const mod: {
    DamerauLevenshteinDistance: (source: string, target: string, options?: { restricted?: boolean }) => number;
  };
  export default mod;
}
