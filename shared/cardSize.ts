/**
 * Card footprints in board units: what the web client draws and what anything that
 * places cards (the starter template, other clients) must leave room for.
 */
export const CARD_SIZE = {
  /** Person cards grow downwards as skills are linked; this is their width. */
  person: { width: 280 },
  /** Skill cards are fixed-size stamps. */
  skill: { width: 224, height: 54 },
} as const;
