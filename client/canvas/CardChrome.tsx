import { Rect } from 'react-konva/lib/ReactKonvaCore.js';

/** A card type's frame, made once per type so a render passes the same corner arrays every time. */
export interface ChromeStyle {
  radius: number;
  /** How far the flat shadow sits below the card. */
  shadowY: number;
  /** The coloured band: down the left edge (people, reactions) or across the top (skills, questions). */
  accentEdge: 'left' | 'top';
  /** Its thickness. */
  accentSize: number;
  accentCorners: readonly number[];
}

export function chromeStyle(radius: number, shadowY: number, accentEdge: 'left' | 'top', accentSize: number): ChromeStyle {
  const accentCorners = accentEdge === 'left' ? [radius, 0, 0, radius] : [radius, radius, 0, 0];
  return { radius, shadowY, accentEdge, accentSize, accentCorners };
}

const SHADOW = 'rgba(15, 23, 42, 0.10)';

interface Props {
  style: ChromeStyle;
  width: number;
  height: number;
  fill: string;
  stroke: string;
  strokeWidth: number;
  accentFill: string;
}

/** What every card stands on: its shadow, its body (the part that takes clicks and drops) and its accent band. */
export function CardChrome({ style, width, height, fill, stroke, strokeWidth, accentFill }: Props) {
  const left = style.accentEdge === 'left';
  return (
    <>
      {/* A flat offset rect instead of a blurred shadow: shadows cost a blur per card per frame. */}
      <Rect y={style.shadowY} width={width} height={height} cornerRadius={style.radius} fill={SHADOW} listening={false} perfectDrawEnabled={false} />
      <Rect name="card-body" width={width} height={height} cornerRadius={style.radius} fill={fill} stroke={stroke} strokeWidth={strokeWidth} perfectDrawEnabled={false} />
      <Rect
        width={left ? style.accentSize : width}
        height={left ? height : style.accentSize}
        cornerRadius={style.accentCorners as number[]}
        fill={accentFill}
        listening={false}
        perfectDrawEnabled={false}
      />
    </>
  );
}
