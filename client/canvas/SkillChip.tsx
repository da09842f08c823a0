import { Circle, Group, Line, Path, Rect, Text } from 'react-konva/lib/ReactKonvaCore.js';
import type { ChipView } from './boardView.ts';
import { CHIP_TICK } from './viewText.ts';
import { PERSON_CARD } from '../model/layout.ts';
import { CATEGORY_COLOURS, FONT_FAMILY, INK, INK_MUTED, RESERVED, STUDENT_HIGHLIGHT } from './palette.ts';
import { CHECK_ICON, RESERVED_ICON } from './icons.ts';

interface Props {
  chip: ChipView;
  removable: boolean;
  removeLabel: string;
  /** "Van studenten" is on and this skill does not come from a student: step back. */
  dimmed: boolean;
  /** "Van studenten" is on and this skill does come from a student. */
  fromStudent: boolean;
}

const { chipHeight, chipPaddingX, chipDot, chipRemoveWidth, chipTextSize } = PERSON_CARD;

/**
 * A skill a person has, on their card. A nomination is dashed until the nominee accepts
 * it (then solid, with a tick); its "+2" bubble counts the colleagues who back it. The
 * chip body and the "×" listen for clicks; everything else is paint.
 */
export function SkillChip({ chip, removable, removeLabel, dimmed, fromStudent }: Props) {
  const colours = CATEGORY_COLOURS[chip.category];
  const textX = chipPaddingX + chipDot + 6;
  const badgeWidth = chip.badgeWidth;
  const tick = chip.response === 'accepted' ? CHIP_TICK : 0;
  const end = chip.width - (removable ? chipRemoveWidth : chipPaddingX);
  const textWidth = end - textX - badgeWidth - tick;
  const pending = chip.response === 'pending';
  return (
    <Group
      x={chip.x}
      y={chip.y}
      id={`link-${chip.linkId}`}
      name="skill-chip"
      skillId={chip.skillId}
      linkId={chip.linkId}
      chipText={chip.text}
      response={chip.response ?? ''}
      level={chip.level ?? ''}
      badge={chip.badge ?? ''}
      opacity={chip.faint ? 0.45 : dimmed ? 0.28 : 1}
    >
      <Rect
        name="chip-body"
        linkId={chip.linkId}
        width={chip.width}
        height={chipHeight}
        cornerRadius={chipHeight / 2}
        fill={chip.reserved ? RESERVED.tint : colours.tint}
        stroke={fromStudent ? STUDENT_HIGHLIGHT : chip.reserved ? RESERVED.strong : colours.strong}
        strokeWidth={fromStudent ? 2.5 : chip.nomination ? 1.5 : 1}
        // A pending nomination is what a colleague says about you, not (yet) your own word.
        dash={pending || chip.faint ? [5, 3] : undefined}
        perfectDrawEnabled={false}
      />
      {chip.reserved ? (
        <Path data={RESERVED_ICON} x={chipPaddingX - 2} y={(chipHeight - 14) / 2} scaleX={14 / 24} scaleY={14 / 24} fill={RESERVED.strong} fillRule="evenodd" listening={false} />
      ) : (
        <Circle x={chipPaddingX + chipDot / 2} y={chipHeight / 2} radius={chipDot / 2} fill={colours.strong} listening={false} perfectDrawEnabled={false} />
      )}
      <Text
        x={textX}
        width={Math.max(0, textWidth)}
        height={chipHeight}
        verticalAlign="middle"
        text={chip.text}
        fontSize={chipTextSize}
        fontStyle={chip.faint ? 'italic' : 'normal'}
        fontFamily={FONT_FAMILY}
        fill={chip.faint ? INK_MUTED : INK}
        wrap="none"
        ellipsis
        listening={false}
        perfectDrawEnabled={false}
      />
      {tick > 0 && (
        <Path
          data={CHECK_ICON}
          x={end - badgeWidth - tick + 1}
          y={(chipHeight - 15) / 2}
          scaleX={15 / 24}
          scaleY={15 / 24}
          fill="#15803d"
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
      {chip.badge && (
        <Group x={end - badgeWidth + 2} y={(chipHeight - 20) / 2} listening={false}>
          <Rect width={badgeWidth - 4} height={20} cornerRadius={10} fill="#1e293b" perfectDrawEnabled={false} />
          <Text width={badgeWidth - 4} height={20} align="center" verticalAlign="middle" text={chip.badge} fontSize={12} fontStyle="bold" fontFamily={FONT_FAMILY} fill="#ffffff" perfectDrawEnabled={false} />
        </Group>
      )}
      {removable && (
        <Group x={chip.width - chipRemoveWidth} listening>
          <Circle x={chipRemoveWidth / 2 - 2} y={chipHeight / 2} radius={9} fill="rgba(15, 23, 42, 0.08)" listening={false} />
          <Line
            points={[-3.5, -3.5, 3.5, 3.5, 0, 0, 3.5, -3.5, -3.5, 3.5]}
            x={chipRemoveWidth / 2 - 2}
            y={chipHeight / 2}
            stroke={INK}
            strokeWidth={1.8}
            lineCap="round"
            listening={false}
          />
          {/* Generous invisible target: the × itself is too small for a finger. */}
          <Rect
            name="chip-remove"
            linkId={chip.linkId}
            title={removeLabel}
            x={-4}
            y={-4}
            width={chipRemoveWidth + 4}
            height={chipHeight + 8}
            fill="transparent"
          />
        </Group>
      )}
    </Group>
  );
}
