import { memo, useEffect, useRef } from 'react';
import Konva from './konva.ts';
import { Group, Rect } from 'react-konva/lib/ReactKonvaCore.js';
import type { Rect as Box } from '../model/layout.ts';

export interface HighlightView {
  key: string;
  /** The card that is highlighted. */
  targetId: string;
  rect: Box;
  colour: string;
}

/**
 * A brief pulsing glow around cards where something just happened (a nomination
 * arrived). On the overlay layer, which never listens: the animation redraws the overlay,
 * never the cards. With reduced motion the glow stays still.
 */
export const Highlights = memo(function Highlights({ highlights, scale }: { highlights: HighlightView[]; scale: number }) {
  const groupRef = useRef<Konva.Group>(null);
  useEffect(() => {
    const group = groupRef.current;
    const layer = group?.getLayer();
    if (!layer || highlights.length === 0) return;
    if (typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    const animation = new Konva.Animation((frame) => {
      const pulse = 0.5 + 0.5 * Math.sin(((frame?.time ?? 0) / 1000) * Math.PI * 3);
      for (const node of group!.find('.arrival-highlight')) node.opacity(0.35 + 0.65 * pulse);
    }, layer);
    animation.start();
    return () => {
      animation.stop();
    };
  }, [highlights]);
  const k = 1 / scale;
  return (
    <Group ref={groupRef} listening={false}>
      {highlights.map((h) => (
        <Rect
          key={h.key}
          name="arrival-highlight"
          targetId={h.targetId}
          x={h.rect.x - 8 * k}
          y={h.rect.y - 8 * k}
          width={h.rect.width + 16 * k}
          height={h.rect.height + 16 * k}
          cornerRadius={18}
          stroke={h.colour}
          strokeWidth={6 * k}
          shadowColor={h.colour}
          shadowBlur={24}
          shadowOpacity={0.9}
        />
      ))}
    </Group>
  );
});
