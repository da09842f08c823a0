import { FONT_FAMILY } from './palette.ts';

/*
 * The settings every text on a card shares, spread into each Konva <Text> (`<Text {...CARD_LINE} … />`).
 * Spread into the props object JSX makes anyway, so a card's render allocates nothing more:
 * cards render again whenever a colleague moves them.
 */

/** The board's font; never a target for the pointer (the card is); no separate stroke pass. */
export const CARD_TEXT = { fontFamily: FONT_FAMILY, listening: false, perfectDrawEnabled: false } as const;

/** Lines broken beforehand (the board view measured them): drawn as they are. */
export const CARD_LINES = { ...CARD_TEXT, wrap: 'none' } as const;

/** One line, cut short with "…" where it does not fit. */
export const CARD_LINE = { ...CARD_LINES, ellipsis: true } as const;
