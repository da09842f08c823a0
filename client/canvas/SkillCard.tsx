import { memo } from 'react';
import { Circle, Group, Path, Text } from 'react-konva/lib/ReactKonvaCore.js';
import { CardGroupNode, useCardBitmap } from './cardBitmaps.ts';
import { CardChrome, chromeStyle } from './CardChrome.tsx';
import { CARD_LINE } from './cardText.ts';
import type { SkillCardView } from './boardView.ts';
import { fitSkillLabel } from './viewText.ts';
import { measureText } from './measureText.ts';
import { SKILL_CARD, TITLE_LINE } from '../model/layout.ts';
import { CATEGORY_COLOURS, INK, INK_MUTED, RESERVED, SELECTION, STUDENT_HIGHLIGHT } from './palette.ts';
import { PERSON_ICON, RESERVED_ICON } from './icons.ts';

interface Props {
  card: SkillCardView;
  selected: boolean;
  editing: boolean;
  editable: boolean;
  texts: { reserved: string };
  /** "Van studenten" is on: true when students bring this skill in, false when not; null when off. */
  fromStudent: boolean | null;
}

const { width, height, padding, stripHeight, labelCenter, metaY, metaSize, reservedIcon } = SKILL_CARD;
const CHROME = chromeStyle(9, 2, 'top', stripHeight);

/**
 * A skill as a tinted "stamp": people get it by having the card dropped on them.
 * A reserved act (voorbehouden handeling) gets a red frame, a warning sign and says so.
 */
export const SkillCard = memo(function SkillCard(props: Props) {
  const { card, selected, editing, editable, texts, fromStudent } = props;
  const bitmap = useCardBitmap(props);
  const colours = CATEGORY_COLOURS[card.category];
  const labelWidth = width - padding * 2 - (card.reserved ? reservedIcon : 0);
  const label = fitSkillLabel(card, measureText);
  return (
    <CardGroupNode ref={bitmap} id={card.id} name="skill-card" cardType="skill" cardLabel={card.label} fromStudent={fromStudent === true} x={card.x} y={card.y} draggable={editable} opacity={fromStudent === false ? 0.3 : 1}>
      <CardChrome
        style={CHROME}
        width={width}
        height={height}
        fill={card.reserved ? '#fff5f5' : colours.tint}
        stroke={selected ? SELECTION : fromStudent ? STUDENT_HIGHLIGHT : card.reserved ? RESERVED.strong : colours.strong}
        strokeWidth={selected || fromStudent ? 3 : card.reserved ? 2 : 1}
        accentFill={colours.strong}
      />
      {!editing && label.lines === 1 && (
        <Text {...CARD_LINE} x={padding} y={labelCenter - TITLE_LINE / 2} width={labelWidth} height={TITLE_LINE} verticalAlign="middle" text={card.label} fontSize={label.size} fontStyle="bold" fill={INK} />
      )}
      {!editing && label.lines === 2 && (
        // A long label reads better whole on two lines than cut short; the strip colour still tells the category.
        <Text
          {...CARD_LINE}
          wrap="word"
          x={padding}
          y={stripHeight + 3}
          width={labelWidth}
          height={height - stripHeight - 6}
          verticalAlign="middle"
          lineHeight={1.15}
          text={card.label}
          fontSize={label.size}
          fontStyle="bold"
          fill={INK}
        />
      )}
      {card.reserved && (
        <Path
          data={RESERVED_ICON}
          x={width - padding - 18}
          y={labelCenter - 9}
          scaleX={18 / 24}
          scaleY={18 / 24}
          fill={RESERVED.strong}
          fillRule="evenodd"
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
      {fromStudent && (
        // Mortarboard badge: a skill that students bring in.
        <Group x={width - 14} y={-10} listening={false}>
          <Circle radius={13} fill={STUDENT_HIGHLIGHT} stroke="#ffffff" strokeWidth={2} perfectDrawEnabled={false} />
          <Path data={PERSON_ICON.student} x={-8} y={-8} scaleX={16 / 24} scaleY={16 / 24} fill="#ffffff" perfectDrawEnabled={false} />
        </Group>
      )}
      {label.lines === 1 && (
        <Text
          {...CARD_LINE}
          x={padding}
          y={metaY}
          width={width - padding * 2}
          text={card.reserved ? texts.reserved : card.meta}
          fontSize={metaSize}
          fontStyle={card.reserved ? 'bold' : 'normal'}
          fill={card.reserved ? RESERVED.strong : INK_MUTED}
        />
      )}
    </CardGroupNode>
  );
});
