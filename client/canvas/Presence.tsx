import { memo } from 'react';
import { Group, Path, Rect, Text } from 'react-konva/lib/ReactKonvaCore.js';
import type { Rect as Box } from '../model/layout.ts';
import { CURSOR_ICON } from './icons.ts';
import { FONT_FAMILY } from './palette.ts';
import { measureText } from './measureText.ts';

export interface CursorView {
  key: string;
  name: string;
  colour: string;
  /** Board coordinates. */
  x: number;
  y: number;
}

export interface RemoteSelectionView {
  key: string;
  name: string;
  colour: string;
  rect: Box;
}

const LABEL_FONT = 13;

/** Name tag in the participant's colour (text widths are cached, so measuring per frame is cheap). */
function NameTag({ name, colour, x, y }: { name: string; colour: string; x: number; y: number }) {
  const width = Math.min(200, Math.ceil(measureText(name, `bold ${LABEL_FONT}px ${FONT_FAMILY}`)) + 20);
  return (
    <Group x={x} y={y}>
      <Rect width={width} height={22} cornerRadius={11} fill={colour} perfectDrawEnabled={false} />
      <Text x={8} width={width - 16} height={22} verticalAlign="middle" text={name} fontSize={LABEL_FONT} fontStyle="bold" fontFamily={FONT_FAMILY} fill="#ffffff" wrap="none" ellipsis perfectDrawEnabled={false} />
    </Group>
  );
}

/** Who else has which card selected: an outline and name tag in their colour. */
export const RemoteSelections = memo(function RemoteSelections({ selections, scale }: { selections: RemoteSelectionView[]; scale: number }) {
  const k = 1 / scale;
  return (
    <Group listening={false}>
      {selections.map((s) => (
        <Group key={s.key} name="remote-selection" peerName={s.name}>
          <Rect
            x={s.rect.x - 6 * k}
            y={s.rect.y - 6 * k}
            width={s.rect.width + 12 * k}
            height={s.rect.height + 12 * k}
            cornerRadius={14}
            stroke={s.colour}
            strokeWidth={3 * k}
            dash={[10 * k, 5 * k]}
            perfectDrawEnabled={false}
          />
          <Group x={s.rect.x - 6 * k} y={s.rect.y - 30 * k} scaleX={k} scaleY={k}>
            <NameTag name={s.name} colour={s.colour} x={0} y={0} />
          </Group>
        </Group>
      ))}
    </Group>
  );
});

/**
 * Everyone else's pointer with their name, on the board's overlay layer that never listens:
 * cursors move many times a second and must not make the cards layer redraw or steal clicks. Drawn at
 * a constant screen size whatever the zoom.
 */
export const Cursors = memo(function Cursors({ cursors, scale }: { cursors: CursorView[]; scale: number }) {
  const k = 1 / scale;
  return (
    <Group listening={false}>
      {cursors.map((c) => (
        <Group key={c.key} name="remote-cursor" peerName={c.name} x={c.x} y={c.y} scaleX={k} scaleY={k}>
          <Path data={CURSOR_ICON} fill={c.colour} stroke="#ffffff" strokeWidth={1.5} perfectDrawEnabled={false} />
          <NameTag name={c.name} colour={c.colour} x={14} y={20} />
        </Group>
      ))}
    </Group>
  );
});
