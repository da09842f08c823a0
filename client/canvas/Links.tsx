import { memo } from 'react';
import { Circle, Group, Line, Path } from 'react-konva/lib/ReactKonvaCore.js';
import type Konva from 'konva';
import type { KonvaEventObject } from 'konva/lib/Node';
import type { ConnectorView, PairLinkView } from './boardView.ts';
import { PAIR_ICON } from './icons.ts';
import { PAIR_LINK, QUESTION_COLOURS, SELECTION } from './palette.ts';

interface Props {
  connectors: ConnectorView[];
  pairs: PairLinkView[];
  selectedIds: ReadonlySet<string>;
  /** Question ids the filter leaves out: their connector fades with the card. */
  dimmedIds: ReadonlySet<string> | null;
  onSelectPair(id: string, additive: boolean): void;
}

/**
 * Drawn under the cards: a thin line from each learning question to its student, and a
 * link between paired students. Only the pair badge listens (to select the pair).
 */
export const Links = memo(function Links({ connectors, pairs, selectedIds, dimmedIds, onSelectPair }: Props) {
  const select = (e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    e.cancelBubble = true;
    const id: unknown = (e.target as Konva.Node).getAttr('pairId');
    if (typeof id === 'string') onSelectPair(id, 'shiftKey' in e.evt && e.evt.shiftKey);
  };
  return (
    <Group>
      {connectors.map((c) => (
        <Line
          key={c.id}
          points={c.points}
          stroke={QUESTION_COLOURS.strong}
          strokeWidth={2}
          dash={[6, 5]}
          opacity={dimmedIds?.has(c.id) ? 0.2 : 0.7}
          listening={false}
          perfectDrawEnabled={false}
        />
      ))}
      {pairs.map((pair) => {
        const selected = selectedIds.has(pair.id);
        return (
          <Group key={pair.id}>
            <Line points={pair.points} stroke={selected ? SELECTION : PAIR_LINK} strokeWidth={selected ? 6 : 4} lineCap="round" listening={false} perfectDrawEnabled={false} />
            <Group x={pair.mid.x} y={pair.mid.y} name="pair-link" id={`pair-${pair.id}`} pairId={pair.id}>
              <Circle
                radius={20}
                fill="#ffffff"
                stroke={selected ? SELECTION : PAIR_LINK}
                strokeWidth={selected ? 4 : 3}
                pairId={pair.id}
                onMouseDown={select}
                onTouchStart={select}
                perfectDrawEnabled={false}
              />
              <Path data={PAIR_ICON} x={-12} y={-12} fill={PAIR_LINK} listening={false} perfectDrawEnabled={false} />
            </Group>
          </Group>
        );
      })}
    </Group>
  );
});
