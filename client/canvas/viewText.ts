import { PERSON_CARD, PERSON_TEXT_X, SKILL_CARD, fitFontSize, type MeasureText } from '../model/layout.ts';
import { FONT_FAMILY } from './palette.ts';
import type { SkillCardView } from './viewTypes.ts';

export const chipFont = `${PERSON_CARD.chipTextSize}px ${FONT_FAMILY}`;
export const chipBadgeFont = `bold 12px ${FONT_FAMILY}`;
/** Room for the "+2" bubble beyond its text. */
export const CHIP_BADGE_PADDING = 14;
/** Room for the tick on an accepted nomination. */
export const CHIP_TICK = 18;
/** Canvas text rendering rounds differently from measureText; without slack Konva cuts the last letters. */
export const CHIP_SLACK = 4;
export const boldFont = (size: number) => `bold ${size}px ${FONT_FAMILY}`;
const TITLE_SIZES = [18, 17, 16, 15, 14] as const;
const LABEL_SIZES = [17, 16, 15] as const;
const TWO_LINE_SIZES = [15, 14, 13] as const;
/** Word wrapping rarely fills both lines; leave slack so the estimate errs towards a smaller font. */
const WRAP_SLACK = 0.85;
const personTitleWidth = PERSON_CARD.width - PERSON_TEXT_X - PERSON_CARD.padding;
const skillLabelWidth = (reserved: boolean) => SKILL_CARD.width - SKILL_CARD.padding * 2 - (reserved ? SKILL_CARD.reservedIcon : 0);

/**
 * The font size a person card's title fits at. Asked when the card is drawn, not when the
 * board is laid out: it does not change the card's size, and on a big board most cards are
 * never drawn at full size (measuring 5,000 titles was a fifth of opening one).
 */
export const fitPersonTitle = (title: string, measure: MeasureText) => fitFontSize(title, TITLE_SIZES, personTitleWidth, boldFont, measure);

/** How a skill card's label is set (asked when drawn, as fitPersonTitle): a long label takes two lines, in place of the category line. */
export function fitSkillLabel({ label, reserved }: Pick<SkillCardView, 'label' | 'reserved'>, measure: MeasureText): { size: number; lines: 1 | 2 } {
  const width = skillLabelWidth(reserved);
  const oneLine = fitFontSize(label, LABEL_SIZES, width, boldFont, measure);
  // Same measurement as fitFontSize's (cached), scaled to the size it chose.
  const fitsOneLine = (measure(label, boldFont(LABEL_SIZES[0])) / LABEL_SIZES[0]) * oneLine <= width;
  return fitsOneLine ? { size: oneLine, lines: 1 } : { size: fitFontSize(label, TWO_LINE_SIZES, 2 * width * WRAP_SLACK, boldFont, measure), lines: 2 };
}

export function chipExtraWidth(editable: boolean) {
  const { chipPaddingX, chipDot, chipRemoveWidth } = PERSON_CARD;
  return chipPaddingX * 2 + chipDot + 6 + (editable ? chipRemoveWidth - chipPaddingX : 0);
}
