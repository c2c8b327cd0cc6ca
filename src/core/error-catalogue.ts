// A Docker error message we recognise by its text (errors/<id>.yaml): what it means and how to
// fix it, with the values the message carries (a port, a container name, an image reference)
// filled into the answer. The knowledge layer loads the entries; the reader matches them.

export interface ErrorEntry {
  id: string;
  title: string;
  /** The topic whose full article is "one tap away". */
  intent: string;
  /**
   * The answer unit under `intent` that asks this entry's question ("why does docker exec say the
   * container is not running?"): the entry's answer is that unit's answer for this very message,
   * so a follow-up moves on from it. Absent: no unit asks exactly this.
   */
  unit?: string;
  /** Case-insensitive patterns; named groups become the values the answer uses. */
  signatures: RegExp[];
  /** Templates: `{name}` is a captured value, `{name|fallback}` has words for when it is absent. */
  cause: string;
  fix: string;
  /** Higher wins when several entries match one message (a specific one over a catch-all). */
  priority: number;
  /** Real texts, as people posted them; each must be recognised as this entry. */
  examples: string[];
}

export interface ErrorCatalogue {
  readonly entries: readonly ErrorEntry[];
  get(id: string): ErrorEntry | undefined;
}

/** One recognised error in a message. */
export interface ErrorMatch {
  entry: ErrorEntry;
  /** Captured values, cleaned and capped (never raw user text beyond a short value). */
  values: Record<string, string>;
  /** Where in the message it was found (the earliest signature hit). */
  index: number;
}
