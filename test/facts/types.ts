/** One fact from the source articles and where the knowledge base must hold it. */
export interface Fact {
  /** The fact, in a few words. */
  fact: string;
  /** Which article it comes from: `long` (000_…) or `short` (002_…). */
  source: 'long' | 'short' | 'both';
  /** The intent whose article must hold it. */
  intent: string;
  /**
   * The answer unit (id inside that intent's `units`) whose direct answer must hold it too:
   * a person who asks about this fact gets it in the short answer, not only in the article.
   */
  unit?: string;
  /** Key terms that must all appear (case-insensitive) in that answer. A term may be `a|b` for alternatives. */
  terms: string[];
}
