import { memo } from 'react';
import { Circle, Group, Line, Path, Rect, Text } from 'react-konva/lib/ReactKonvaCore.js';
import { CardGroupNode, useCardBitmap } from './cardBitmaps.ts';
import { CardChrome, chromeStyle } from './CardChrome.tsx';
import { CARD_LINE, CARD_LINES, CARD_TEXT } from './cardText.ts';
import type { QuestionCardView } from './boardView.ts';
import { QUESTION_CARD } from '../model/layout.ts';
import { INK, INK_MUTED, QUESTION_COLOURS, SELECTION, THEME_COLOURS } from './palette.ts';
import { CHECK_ICON } from './icons.ts';

interface Props {
  card: QuestionCardView;
  selected: boolean;
  /** The text is being edited in an HTML field on top of the card. */
  editing: boolean;
  editable: boolean;
  /** Left out by the question filter: drawn faintly. */
  dimmed: boolean;
}

const { width, padding, textSize, lineHeight, tagsSize, stepRadius, answerSize, answerLineHeight } = QUESTION_CARD;
const inner = width - padding * 2;
const STEPS = 5;
const stepX = (i: number) => padding + stepRadius + 2 + (i * (inner - 2 * stepRadius - 4)) / (STEPS - 1);
const TRACK = '#e2d5e6';
const CHROME = chromeStyle(12, 3, 'top', 6);

/**
 * A student's learning question. The five afkijkuurtje steps are drawn in order as a
 * track, the current one large and named, so everyone sees that asking a professional
 * comes late, not first.
 */
export const QuestionCard = memo(function QuestionCard(props: Props) {
  const { card, selected, editing, editable, dimmed } = props;
  const bitmap = useCardBitmap(props);
  const { strong, tint, border } = QUESTION_COLOURS;
  const trackY = card.stepsY + stepRadius + 3;
  return (
    <CardGroupNode ref={bitmap} id={card.id} name="question-card" cardType="question" cardLabel={card.label} status={card.status} x={card.x} y={card.y} draggable={editable} opacity={dimmed ? 0.3 : 1}>
      <CardChrome style={CHROME} width={width} height={card.height} fill={tint} stroke={selected ? SELECTION : border} strokeWidth={selected ? 3 : 1.5} accentFill={strong} />
      <Circle x={padding + 9} y={20} radius={10} fill={strong} listening={false} perfectDrawEnabled={false} />
      <Text {...CARD_TEXT} x={padding} y={11} width={18} height={18} align="center" verticalAlign="middle" text="?" fontSize={14} fontStyle="bold" fill="#ffffff" />
      <Text {...CARD_LINE} x={padding + 26} y={12} width={inner - 26} height={16} verticalAlign="middle" text={card.kicker} fontSize={13} fontStyle="bold" fill={strong} />
      {card.theme && (
        <Group x={padding} y={card.themeY} listening={false}>
          <Rect width={card.theme.width} height={22} cornerRadius={11} fill={THEME_COLOURS[card.theme.kind].tint} perfectDrawEnabled={false} />
          <Text
            {...CARD_LINE}
            x={11}
            width={card.theme.width - 22}
            height={22}
            verticalAlign="middle"
            text={card.theme.text}
            fontSize={tagsSize}
            fontStyle="bold"
            fill={THEME_COLOURS[card.theme.kind].strong}
          />
        </Group>
      )}
      {!editing && (
        <Text
          {...CARD_LINES}
          x={padding}
          y={card.textY}
          width={inner}
          text={card.lines.join('\n')}
          fontSize={textSize}
          lineHeight={lineHeight / textSize}
          fontStyle={card.placeholder ? 'italic' : 'bold'}
          fill={card.placeholder ? INK_MUTED : INK}
        />
      )}
      {card.tags && (
        <Text {...CARD_LINE} x={padding} y={card.tagsY} width={inner} height={20} verticalAlign="middle" text={`# ${card.tags}`} fontSize={tagsSize} fill={INK_MUTED} />
      )}
      <Group listening={false}>
        <Line points={[stepX(0), trackY, stepX(STEPS - 1), trackY]} stroke={TRACK} strokeWidth={4} lineCap="round" perfectDrawEnabled={false} />
        {card.step > 0 && <Line points={[stepX(0), trackY, stepX(card.step), trackY]} stroke={strong} strokeWidth={4} lineCap="round" perfectDrawEnabled={false} />}
        {Array.from({ length: STEPS }, (_, i) => {
          const done = i < card.step;
          const current = i === card.step;
          const r = current ? stepRadius + 3 : stepRadius - 1;
          return (
            <Group key={i} x={stepX(i)} y={trackY}>
              {current && <Circle radius={r + 4} fill="rgba(162, 28, 175, 0.18)" perfectDrawEnabled={false} />}
              <Circle radius={r} fill={done || current ? strong : '#ffffff'} stroke={done || current ? strong : '#a8a2b0'} strokeWidth={2} perfectDrawEnabled={false} />
              {done ? (
                <Path data={CHECK_ICON} x={-7} y={-7} scaleX={14 / 24} scaleY={14 / 24} fill="#ffffff" perfectDrawEnabled={false} />
              ) : (
                <Text
                  {...CARD_TEXT}
                  x={-r}
                  y={-r}
                  width={r * 2}
                  height={r * 2}
                  align="center"
                  verticalAlign="middle"
                  text={String(i + 1)}
                  fontSize={current ? 14 : 12}
                  fontStyle="bold"
                  fill={current ? '#ffffff' : '#6b6475'}
                />
              )}
            </Group>
          );
        })}
        <Text {...CARD_LINE} x={padding} y={card.stepsY + stepRadius * 2 + 12} width={inner} height={18} verticalAlign="middle" text={card.stepLabel} fontSize={13} fontStyle="bold" fill={strong} />
      </Group>
      {(card.answer.length > 0 || card.helper) && (
        <Text
          {...CARD_LINES}
          x={padding}
          y={card.answerY}
          width={inner}
          text={[...card.answer, ...(card.helper ? [card.helper] : [])].join('\n')}
          fontSize={answerSize}
          lineHeight={answerLineHeight / answerSize}
          fill={INK}
        />
      )}
    </CardGroupNode>
  );
});
