import { memo, useEffect, useRef, type RefObject } from 'react';
import type Konva from 'konva';
import type { Context } from 'konva/lib/Context';
import { Shape } from 'react-konva/lib/ReactKonvaCore.js';
import type { KonvaEventObject } from 'konva/lib/Node';
import { overlaps } from './culling.ts';
import type { CardContents } from './viewTypes.ts';
import { samePlacement, toBoardRect, updateDrawnCards, type Block, type Placement } from './overviewPicture.ts';
import { CARD_BORDER, CATEGORY_COLOURS, DROP_HIGHLIGHT, FONT_FAMILY, INK, PERSON_ACCENT, QUESTION_COLOURS, REACTION_COLOURS, RESERVED, SELECTION } from './palette.ts';

/** Cards being dragged in the overview, and how far (board units); read when drawing. */
export interface OverviewDrag {
  ids: ReadonlySet<string>;
  dx: number;
  dy: number;
  /** Dropped: drawn where it landed until the board has it there. */
  settled?: boolean;
}

interface Props extends CardContents {
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

/** What a picture was drawn with, besides the cards: any change means drawing it all again. */
type PictureStyle = [ReadonlySet<string>, ReadonlySet<string> | null, string | null, boolean, number];
interface Picture {
  canvas: HTMLCanvasElement;
  placement: Placement;
  style: PictureStyle;
  /** The cards in it (not those being dragged), as the objects they were drawn from. */
  cards: Map<string, Block>;
}

/** How far (screen pixels) a card's drawing reaches past its block: the drop target's frame, 3 px out and 4 px wide. */
const FRAME_REACH = 7;

/** The cards on screen that are not being dragged, bottom to top (each loop over it starts afresh). */
function stillCards(lists: CardContents, moving: OverviewDrag | null): Iterable<Block> {
  return {
    *[Symbol.iterator]() {
      for (const list of [lists.reactions, lists.questions, lists.people, lists.skills] as Block[][]) for (const card of list) if (!moving?.ids.has(card.id)) yield card;
    },
  };
}

type Drawn = Pick<Props, 'people' | 'skills' | 'questions' | 'reactions' | 'scale' | 'selectedIds' | 'dimmedIds' | 'dropTargetId' | 'names'>;

/**
 * Draws the cards that `include` picks, as blocks: moving ones (`moving`) where the drag has
 * them. Colours are painted as groups in a fixed order, whichever cards are included, so
 * repainting part of the picture gives the same pixels as drawing all of it.
 */
function paintOverview(ctx: CanvasRenderingContext2D, drawn: Drawn, moving: OverviewDrag | null, include: (card: Block) => boolean) {
  const { people, skills, questions, reactions, scale, selectedIds, dimmedIds, dropTargetId, names } = drawn;
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
    for (const colour of [...blocks.keys()].sort()) {
      const list = blocks.get(colour)!;
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
    if (!detailed || !list.length) return;
    ctx.lineWidth = px;
    ctx.strokeStyle = CARD_BORDER;
    ctx.beginPath();
    for (const b of list) ctx.roundRect(b.x, b.y, b.width, b.height, 10);
    ctx.stroke();
  };
  const picked = <T extends Block>(list: T[]) => {
    const cards: T[] = [];
    const at: Block[] = [];
    for (const card of list) {
      if (!include(card)) continue;
      cards.push(card);
      at.push(place(card));
    }
    return { cards, at };
  };

  // Bottom to top, as the full cards are drawn: reactions, questions, people, skills.
  const shownReactions = picked(reactions);
  shownReactions.at.forEach((b, i) => add(REACTION_COLOURS[shownReactions.cards[i].kind].tint, b));
  const shownQuestions = picked(questions);
  shownQuestions.at.forEach((b, i) => !dimmedIds?.has(b.id) && add(QUESTION_COLOURS.tint, b));
  paint();
  shownQuestions.at.forEach((b, i) => dimmedIds?.has(shownQuestions.cards[i].id) && add(QUESTION_COLOURS.tint, b));
  paint(0.35);
  outline([...shownReactions.at, ...shownQuestions.at]);
  const shownPeople = picked(people);
  const stripe = Math.max(8, 6 * px);
  shownPeople.at.forEach((b, i) => add(PERSON_TINT[shownPeople.cards[i].kind], b));
  paint();
  // The role's stripe, wide enough to see when zoomed out.
  shownPeople.at.forEach((b, i) => add(PERSON_ACCENT[shownPeople.cards[i].kind], { id: b.id, x: b.x, y: b.y, width: stripe, height: b.height }));
  paint();
  outline(shownPeople.at);
  const shownSkills = picked(skills);
  const band = Math.max(8, 5 * px);
  const coloursOf = (skill: Drawn['skills'][number]) => (skill.reserved ? RESERVED : CATEGORY_COLOURS[skill.category]);
  shownSkills.at.forEach((b, i) => add(coloursOf(shownSkills.cards[i]).tint, b));
  paint();
  shownSkills.at.forEach((b, i) => add(coloursOf(shownSkills.cards[i]).strong, { id: b.id, x: b.x, y: b.y, width: b.width, height: band }));
  paint();
  outline(shownSkills.at);

  const frame = (list: Block[], colour: string, gap: number, width: number, pick: (b: Block) => boolean) => {
    ctx.lineWidth = width * px;
    ctx.strokeStyle = colour;
    for (const b of list) if (pick(b)) ctx.strokeRect(b.x - gap * px, b.y - gap * px, b.width + 2 * gap * px, b.height + 2 * gap * px);
  };
  const all = [...shownReactions.at, ...shownQuestions.at, ...shownPeople.at, ...shownSkills.at];
  if (selectedIds.size || moving) frame(all, SELECTION, 2, 3, (b) => selectedIds.has(b.id) || !!moving?.ids.has(b.id));
  if (dropTargetId) frame(shownPeople.at, DROP_HIGHLIGHT, 3, 4, (b) => b.id === dropTargetId);

  if (names) {
    ctx.font = `bold ${12 * px}px ${FONT_FAMILY}`;
    ctx.fillStyle = INK;
    ctx.textBaseline = 'top';
    const pad = stripe + 4 * px;
    shownPeople.at.forEach((b, i) => ctx.fillText(shownPeople.cards[i].title, b.x + pad, b.y + 6 * px, b.width - pad - 4 * px));
    shownSkills.at.forEach((b, i) => ctx.fillText(shownSkills.cards[i].label, b.x + 6 * px, b.y + band + 4 * px, b.width - 12 * px));
  }
}

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

  // The overview as last drawn, kept on a canvas of its own: a frame where a few cards moved
  // (a remote colleague's drag, 100 moves a second in a busy session) repaints just those
  // few areas and copies the rest, instead of thousands of blocks every frame. Cards being
  // dragged here are not in it: they are drawn on top, where the pointer is.
  const picture = useRef<Picture | null>(null);
  useEffect(
    () => () => {
      if (picture.current) picture.current.canvas.width = picture.current.canvas.height = 0;
      picture.current = null;
    },
    [],
  );

  const sceneFunc = (context: Context) => {
    const props = latest.current;
    const ctx = context._context;
    const moving = props.drag.current;
    const matrix = ctx.getTransform();
    // Anything but our own layer (an export, a cached copy), or a rotated board: draw it all, straight.
    if (ctx.canvas !== shapeRef.current?.getLayer()?.getNativeCanvasElement() || matrix.b !== 0 || matrix.c !== 0) {
      paintOverview(ctx, props, moving, () => true);
      return;
    }
    const placement: Placement = { a: matrix.a, d: matrix.d, e: matrix.e, f: matrix.f };
    const style: PictureStyle = [props.selectedIds, props.dimmedIds, props.dropTargetId, props.names, props.scale];
    const still = stillCards(props, moving);
    const inPicture = (card: Block) => !moving?.ids.has(card.id);
    // Frames and outlines reach a few pixels past a card (the drop target's the furthest).
    const margin = Math.ceil(FRAME_REACH * (matrix.a / props.scale));
    const size = { width: ctx.canvas.width, height: ctx.canvas.height };
    const current = (picture.current ??= { canvas: document.createElement('canvas'), placement, style, cards: new Map() });
    const reusable = current.canvas.width === size.width && current.canvas.height === size.height && samePlacement(current.placement, placement) && current.style.every((key, i) => key === style[i]);
    const areas = updateDrawnCards(current.cards, still, placement, margin, size);
    const target = current.canvas;
    if (target.width !== size.width || target.height !== size.height) Object.assign(target, size);
    const pen = target.getContext('2d')!;
    if (!areas || !reusable) {
      pen.setTransform(1, 0, 0, 1, 0, 0);
      pen.clearRect(0, 0, size.width, size.height);
      pen.setTransform(matrix);
      paintOverview(pen, props, null, inPicture);
    } else if (areas.length) {
      pen.save();
      pen.setTransform(1, 0, 0, 1, 0, 0);
      pen.beginPath();
      for (const area of areas) pen.rect(area.x, area.y, area.width, area.height);
      pen.clip();
      for (const area of areas) pen.clearRect(area.x, area.y, area.width, area.height);
      pen.setTransform(matrix);
      // Every card whose drawing reaches into a repainted area, in the usual order.
      const reach = margin / placement.a;
      const board = areas.map((area) => {
        const r = toBoardRect(area, placement);
        return { x: r.x - reach, y: r.y - reach, width: r.width + 2 * reach, height: r.height + 2 * reach };
      });
      paintOverview(pen, props, null, (card) => inPicture(card) && board.some((r) => overlaps(card, r)));
      pen.restore();
    }
    Object.assign(current, { placement, style });
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(target, 0, 0);
    ctx.restore();
    if (moving) paintOverview(ctx, props, moving, (card) => moving.ids.has(card.id));
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
