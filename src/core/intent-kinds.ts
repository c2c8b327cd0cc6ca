// The values an intent file may use to say what answering it means. The knowledge schema
// accepts exactly these; the core keeps one table per field: ACTION_HANDLERS (dispatch.ts)
// maps each action to its handler, AREA_TABLE (below) maps each area to its help heading.

/** What answering an intent means. */
export const ACTIONS = ['article', 'help', 'diagnose', 'list_containers', 'list_images'] as const;
export type Action = (typeof ACTIONS)[number];

/** Where an intent belongs, for help grouping. */
export const AREAS = ['concept', 'mistake', 'command', 'diagnose', 'host', 'meta'] as const;
export type Area = (typeof AREAS)[number];

/** The explicit commands (`why`, `ps`, `images`, `help`) an intent can stand for. */
export const SHORTCUTS = ['why', 'ps', 'images', 'help'] as const;
export type Shortcut = (typeof SHORTCUTS)[number];

/** The action a shortcut's intent must have: `ps` lists containers, `why` diagnoses… */
export const SHORTCUT_ACTION: Record<Shortcut, Action> = {
  why: 'diagnose',
  ps: 'list_containers',
  images: 'list_images',
  help: 'help',
};

/** The objects a short follow-up can turn to ("what about images?"): see `swap` in an intent file. */
export const SWAP_OBJECTS = ['images', 'containers'] as const;
export type SwapObject = (typeof SWAP_OBJECTS)[number];

export interface AreaInfo {
  /** Heading of the area's list in help, in the table's order; null: not listed in help. */
  heading: string | null;
  /**
   * A topic of conversation: kept as context for follow-ups and offered as "did you mean".
   * Greetings, thanks and help are not.
   */
  topic: boolean;
}

export const AREA_TABLE: Record<Area, AreaInfo> = {
  concept: { heading: 'Images and containers', topic: true },
  mistake: { heading: 'Common mistakes', topic: true },
  command: { heading: 'Commands explained', topic: true },
  diagnose: { heading: 'When something is wrong', topic: true },
  host: { heading: 'Looking at a connected host', topic: true },
  meta: { heading: null, topic: false },
};
