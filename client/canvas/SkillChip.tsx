import { Circle, Group, Line, Path, Rect, Text } from 'react-konva';
import type { ChipView } from './boardView.ts';
import { PERSON_CARD } from './layout.ts';
import { CATEGORY_COLOURS, FONT_FAMILY, INK, RESERVED } from './palette.ts';
import { RESERVED_ICON } from './icons.ts';

interface Props {
  chip: ChipView;
  removable: boolean;
  removeLabel: string;
}

const { chipHeight, chipPaddingX, chipDot, chipRemoveWidth, chipTextSize } = PERSON_CARD;

/** A skill a person has, on their card. Only the "×" listens for pointer events; the rest is paint. */
export function SkillChip({ chip, removable, removeLabel }: Props) {
  const colours = CATEGORY_COLOURS[chip.category];
  const textX = chipPaddingX + chipDot + 6;
  const textWidth = chip.width - textX - (removable ? chipRemoveWidth : chipPaddingX);
  return (
    <Group x={chip.x} y={chip.y} id={`link-${chip.linkId}`} name="skill-chip" skillId={chip.skillId} chipText={chip.text}>
      <Rect
        width={chip.width}
        height={chipHeight}
        cornerRadius={chipHeight / 2}
        fill={chip.reserved ? RESERVED.tint : colours.tint}
        stroke={chip.reserved ? RESERVED.strong : colours.strong}
        strokeWidth={chip.nomination ? 1.5 : 1}
        // A nomination is what a colleague says about you, not (yet) your own claim.
        dash={chip.nomination ? [5, 3] : undefined}
        listening={false}
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
        fontFamily={FONT_FAMILY}
        fill={INK}
        wrap="none"
        ellipsis
        listening={false}
        perfectDrawEnabled={false}
      />
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
