import { memo } from 'react';
import { Circle, Group, Path, Rect, Text } from 'react-konva/lib/ReactKonvaCore.js';
import { CardGroupNode, useCardBitmap } from './cardBitmaps.ts';
import { CardChrome, chromeStyle } from './CardChrome.tsx';
import { CARD_LINE, CARD_TEXT } from './cardText.ts';
import type { PersonCardView } from './boardView.ts';
import { fitPersonTitle } from './viewText.ts';
import { measureText } from './measureText.ts';
import { PERSON_CARD, PERSON_TEXT_X, TITLE_LINE } from '../model/layout.ts';
import { CARD_BORDER, DROP_HIGHLIGHT, INK, INK_MUTED, PERSON_ACCENT, SELECTION } from './palette.ts';
import { PERSON_ICON } from './icons.ts';
import { SkillChip } from './SkillChip.tsx';

interface Props {
  card: PersonCardView;
  selected: boolean;
  /** A skill is being dragged over this card: dropping it will link it. */
  dropTarget: boolean;
  /** The name is being edited in an HTML field on top of the card. */
  editing: boolean;
  editable: boolean;
  texts: { noSkills: string; removeSkill: string };
  /** With "Van studenten" on: the skills students bring in; null when off. */
  studentSkills: ReadonlySet<string> | null;
}

const { width, padding, headerHeight, avatar, nameSize, roleSize, chipHeight } = PERSON_CARD;
const titleY = padding + 2 + nameSize / 2 - TITLE_LINE / 2;
const textX = PERSON_TEXT_X;
const iconScale = 26 / 24;
const CHROME = chromeStyle(14, 3, 'left', 8);
const EMPTY_DASH = [6, 4];

export const PersonCard = memo(function PersonCard(props: Props) {
  const { card, selected, dropTarget, editing, editable, texts, studentSkills } = props;
  const bitmap = useCardBitmap(props);
  const accent = PERSON_ACCENT[card.kind];
  const height = card.height;
  return (
    <CardGroupNode ref={bitmap} id={card.id} name="person-card" cardType="person" cardLabel={card.title} x={card.x} y={card.y} draggable={editable}>
      <CardChrome
        style={CHROME}
        width={width}
        height={height}
        fill={dropTarget ? '#f0fdf4' : '#ffffff'}
        stroke={dropTarget ? DROP_HIGHLIGHT : selected ? SELECTION : CARD_BORDER}
        strokeWidth={dropTarget || selected ? 3 : 1}
        accentFill={accent}
      />
      {card.colour && (
        // The colour this person chose when joining: the same as their cursor and selection.
        <Circle x={padding + 4 + avatar / 2} y={padding + avatar / 2} radius={avatar / 2 + 4} stroke={card.colour} strokeWidth={3} listening={false} perfectDrawEnabled={false} />
      )}
      <Circle x={padding + 4 + avatar / 2} y={padding + avatar / 2} radius={avatar / 2} fill={accent} listening={false} perfectDrawEnabled={false} />
      <Path
        data={PERSON_ICON[card.kind]}
        x={padding + 4 + (avatar - 24 * iconScale) / 2}
        y={padding + (avatar - 24 * iconScale) / 2}
        scaleX={iconScale}
        scaleY={iconScale}
        fill="#ffffff"
        fillRule="evenodd"
        listening={false}
        perfectDrawEnabled={false}
      />
      {!editing && (
        <Text
          {...CARD_LINE}
          x={textX}
          y={titleY}
          width={width - textX - padding}
          height={TITLE_LINE}
          verticalAlign="middle"
          text={card.title}
          fontSize={fitPersonTitle(card.title, measureText)}
          fontStyle="bold"
          fill={INK}
        />
      )}
      <Text {...CARD_LINE} x={textX} y={padding + 26} width={width - textX - padding} text={card.subtitle} fontSize={roleSize} fill={INK_MUTED} />
      <Group x={padding} y={headerHeight}>
        {card.chips.length === 0 && editable && (
          <Group listening={false}>
            <Rect width={width - padding * 2} height={chipHeight} cornerRadius={chipHeight / 2} stroke={dropTarget ? DROP_HIGHLIGHT : CARD_BORDER} dash={EMPTY_DASH} perfectDrawEnabled={false} />
            <Text {...CARD_TEXT} width={width - padding * 2} height={chipHeight} align="center" verticalAlign="middle" text={texts.noSkills} fontSize={13} fill={INK_MUTED} />
          </Group>
        )}
        {card.headings.map((heading) => (
          <Text key={heading.text} {...CARD_LINE} y={heading.y} width={width - padding * 2} height={18} verticalAlign="middle" text={heading.text} fontSize={12} fontStyle="bold" fill={INK_MUTED} />
        ))}
        {card.chips.map((chip) => (
          <SkillChip
            key={chip.linkId}
            chip={chip}
            removable={editable}
            removeLabel={texts.removeSkill}
            dimmed={!!studentSkills && !studentSkills.has(chip.skillId)}
            fromStudent={!!studentSkills && studentSkills.has(chip.skillId)}
          />
        ))}
      </Group>
    </CardGroupNode>
  );
});
