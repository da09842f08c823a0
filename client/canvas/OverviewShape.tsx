import { memo, useEffect, useRef, type RefObject } from 'react';
import type Konva from 'konva';
import type { Context } from 'konva/lib/Context';
import { Shape } from 'react-konva/lib/ReactKonvaCore.js';
import type { KonvaEventObject } from 'konva/lib/Node';
import type { CardLists } from './culling.ts';
import { CARD_BORDER, CATEGORY_COLOURS, DROP_HIGHLIGHT, FONT_FAMILY, INK, PERSON_ACCENT, QUESTION_COLOURS, REACTION_COLOURS, RESERVED, SELECTION } from './palette.ts';

/** Cards being dragged in the overview, and how far (board units); read when drawing. */
export interface OverviewDrag {
  ids: ReadonlySet<string>;
  dx: number;
  dy: number;
  /** Dropped: drawn where it landed until the board has it there. */
  settled?: boolean;
}

interface Props extends CardLists {
  scale: number;
  selectedIds: ReadonlySet<string>;
  dimmedIds: ReadonlySet<string> | null;
  dropTargetId: string | null;
  /** Names on the blocks: only when there are few enough to read. */
  names: boolean;
  drag: RefObject<OverviewDrag | null>;
  /** Redraw the shape (during a drag) without a React render. */
  redrawRef?: RefObject<(() => void) | null>;
  onPointerDown(e: KonvaEventObject<MouseEvent | TouchEvent>): void;
  onDoubleClick(e: KonvaEventObject<MouseEvent | TouchEvent>): void;
}

/** A light version of a colour, for block fills: the accent mixed with white. */
function tint(hex: string, amount = 0.8): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  return `rgb(${mix(n >> 16)}, ${mix((n >> 8) & 255)}, ${mix(n & 255)})`;
}
const PERSON_TINT = Object.fromEntries(Object.entries(PERSON_ACCENT).map(([kind, colour]) => [kind, tint(colour)])) as Record<keyof typeof PERSON_ACCENT, string>;

type Block = { id: string; x: number; y: number; width: number; height: number };

/**
 * The board zoomed out: every card a block in its own colour (people in the tint of their
 * role with a stripe, skills in their category colour, reserved acts red), selection and
 * drop target outlined, names when they can be read. One Konva shape draws them all,
 * grouped by colour so thousands of cards are a few canvas paths; its hit region is the
 * blocks, so pressing a card (not the space between) reaches the board's gestures.
 */
export const OverviewShape = memo(function OverviewShape(props: Props) {
  const shapeRef = useRef<Konva.Shape>(null);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    if (!props.redrawRef) return;
    const redraw = props.redrawRef as { current: (() => void) | null };
    redraw.current = () => shapeRef.current?.getLayer()?.batchDraw();
    return () => {
      redraw.current = null;
    };
  }, [props.redrawRef]);

  const sceneFunc = (context: Context) => {
    const { people, skills, questions, reactions, scale, selectedIds, dimmedIds, dropTargetId, names, drag } = latest.current;
    const ctx = context._context;
    const moving = drag.current;
    const px = 1 / scale;
    // fillRect per block, grouped by colour, is what a canvas draws fastest (paths with
    // thousands of parts are many times slower); rounded corners and outlines only once
    // the blocks are large enough to show them.
    const detailed = scale >= 0.3;
    const blocks = new Map<string, Block[]>();
    const add = (colour: string, block: Block) => {
      let list = blocks.get(colour);
      if (!list) blocks.set(colour, (list = []));
      list.push(block);
    };
    const place = (card: Block): Block => (moving && moving.ids.has(card.id) ? { ...card, x: card.x + moving.dx, y: card.y + moving.dy } : card);
    const paint = (alpha = 1) => {
      ctx.globalAlpha = alpha;
      for (const [colour, list] of blocks) {
        ctx.fillStyle = colour;
        if (detailed) {
          ctx.beginPath();
          for (const b of list) ctx.roundRect(b.x, b.y, b.width, b.height, 10);
          ctx.fill();
        } else for (const b of list) ctx.fillRect(b.x, b.y, b.width, b.height);
      }
      ctx.globalAlpha = 1;
      blocks.clear();
    };
    const outline = (list: Block[]) => {
      if (!detailed) return;
      ctx.lineWidth = px;
      ctx.strokeStyle = CARD_BORDER;
      ctx.beginPath();
      for (const b of list) ctx.roundRect(b.x, b.y, b.width, b.height, 10);
      ctx.stroke();
    };

    // Bottom to top, as the full cards are drawn: reactions, questions, people, skills.
    const reactionBlocks = reactions.map(place);
    reactionBlocks.forEach((b, i) => add(REACTION_COLOURS[reactions[i].kind].tint, b));
    const questionBlocks = questions.map(place);
    questionBlocks.forEach((b, i) => !dimmedIds?.has(questions[i].id) && add(QUESTION_COLOURS.tint, b));
    paint();
    questionBlocks.forEach((b, i) => dimmedIds?.has(questions[i].id) && add(QUESTION_COLOURS.tint, b));
    paint(0.35);
    outline([...reactionBlocks, ...questionBlocks]);
    const personBlocks = people.map(place);
    const stripe = Math.max(8, 6 * px);
    personBlocks.forEach((b, i) => {
      add(PERSON_TINT[people[i].kind], b);
      // The role's stripe, wide enough to see when zoomed out.
      add(PERSON_ACCENT[people[i].kind], { id: b.id, x: b.x, y: b.y, width: stripe, height: b.height });
    });
    paint();
    outline(personBlocks);
    const skillBlocks = skills.map(place);
    const band = Math.max(8, 5 * px);
    skillBlocks.forEach((b, i) => {
      const colours = skills[i].reserved ? RESERVED : CATEGORY_COLOURS[skills[i].category];
      add(colours.tint, b);
      add(colours.strong, { id: b.id, x: b.x, y: b.y, width: b.width, height: band });
    });
    paint();
    outline(skillBlocks);

    const frame = (list: Block[], colour: string, gap: number, width: number, pick: (b: Block) => boolean) => {
      ctx.lineWidth = width * px;
      ctx.strokeStyle = colour;
      for (const b of list) if (pick(b)) ctx.strokeRect(b.x - gap * px, b.y - gap * px, b.width + 2 * gap * px, b.height + 2 * gap * px);
    };
    const all = [...reactionBlocks, ...questionBlocks, ...personBlocks, ...skillBlocks];
    if (selectedIds.size || moving) frame(all, SELECTION, 2, 3, (b) => selectedIds.has(b.id) || !!moving?.ids.has(b.id));
    if (dropTargetId) frame(personBlocks, DROP_HIGHLIGHT, 3, 4, (b) => b.id === dropTargetId);

    if (names) {
      ctx.font = `bold ${12 * px}px ${FONT_FAMILY}`;
      ctx.fillStyle = INK;
      ctx.textBaseline = 'top';
      const pad = stripe + 4 * px;
      personBlocks.forEach((b, i) => ctx.fillText(people[i].title, b.x + pad, b.y + 6 * px, b.width - pad - 4 * px));
      skillBlocks.forEach((b, i) => ctx.fillText(skills[i].label, b.x + 6 * px, b.y + band + 4 * px, b.width - 12 * px));
    }
  };

  const hitFunc = (context: Context, shape: Konva.Shape) => {
    const { people, skills, questions, reactions, drag } = latest.current;
    const moving = drag.current;
    // Mid-drag nothing asks the hit region (the drag follows the window's pointer events, the
    // drop target is found from the cards' rects): skip thousands of rects per frame. The
    // redraw at the drop draws it again.
    if (moving && !moving.settled) return;
    const ctx = context._context;
    ctx.fillStyle = shape.colorKey;
    for (const list of [reactions, questions, people, skills] as Block[][]) {
      for (const card of list) {
        // A card just dropped has left its old place; the next frame has it at the new one.
        if (!moving?.ids.has(card.id)) ctx.fillRect(card.x, card.y, card.width, card.height);
      }
    }
  };

  return (
    <Shape
      ref={shapeRef}
      name="board-overview"
      sceneFunc={sceneFunc}
      hitFunc={hitFunc}
      perfectDrawEnabled={false}
      onMouseDown={props.onPointerDown}
      onTouchStart={props.onPointerDown}
      onDblClick={props.onDoubleClick}
      onDblTap={props.onDoubleClick}
    />
  );
});
