import { memo } from 'react';
import { Circle, Path, Text } from 'react-konva/lib/ReactKonvaCore.js';
import { CardGroupNode, useCardBitmap } from './cardBitmaps.ts';
import { CardChrome, chromeStyle } from './CardChrome.tsx';
import { CARD_LINE, CARD_LINES } from './cardText.ts';
import type { ReactionCardView } from './boardView.ts';
import { REACTION_CARD } from '../model/layout.ts';
import { INK, INK_MUTED, REACTION_COLOURS, SELECTION } from './palette.ts';
import { REACTION_ICON } from './icons.ts';

interface Props {
  card: ReactionCardView;
  selected: boolean;
  editing: boolean;
  editable: boolean;
}

const { width, padding, headerHeight, textSize, lineHeight } = REACTION_CARD;
const CHROME = chromeStyle(12, 3, 'left', 8);

/** A sounding-board reaction: colour and icon say which of the three kinds it is. */
export const ReactionCard = memo(function ReactionCard(props: Props) {
  const { card, selected, editing, editable } = props;
  const bitmap = useCardBitmap(props);
  const colours = REACTION_COLOURS[card.kind];
  const textY = headerHeight + 6;
  return (
    <CardGroupNode ref={bitmap} id={card.id} name="reaction-card" cardType="reaction" cardLabel={card.label} kind={card.kind} x={card.x} y={card.y} draggable={editable}>
      <CardChrome
        style={CHROME}
        width={width}
        height={card.height}
        fill={colours.tint}
        stroke={selected ? SELECTION : colours.border}
        strokeWidth={selected ? 3 : 2}
        accentFill={colours.strong}
      />
      <Circle x={padding + 16} y={headerHeight / 2 + 4} radius={14} fill={colours.strong} listening={false} perfectDrawEnabled={false} />
      <Path
        data={REACTION_ICON[card.kind]}
        x={padding + 16 - 8}
        y={headerHeight / 2 + 4 - 8}
        scaleX={16 / 24}
        scaleY={16 / 24}
        fill="#ffffff"
        listening={false}
        perfectDrawEnabled={false}
      />
      <Text {...CARD_LINE} x={padding + 38} y={6} width={width - padding * 2 - 38} height={headerHeight} verticalAlign="middle" text={card.title} fontSize={14} fontStyle="bold" fill={colours.strong} />
      {!editing && (
        <Text
          {...CARD_LINES}
          x={padding + 4}
          y={textY}
          width={width - padding * 2 - 4}
          text={card.lines.join('\n')}
          fontSize={textSize}
          lineHeight={lineHeight / textSize}
          fontStyle={card.placeholder ? 'italic' : 'normal'}
          fill={card.placeholder ? INK_MUTED : INK}
        />
      )}
      {card.author && (
        <Text {...CARD_LINE} x={padding + 4} y={textY + card.lines.length * lineHeight + 4} width={width - padding * 2 - 4} height={18} verticalAlign="middle" text={card.author} fontSize={12} fill={INK_MUTED} />
      )}
    </CardGroupNode>
  );
});
