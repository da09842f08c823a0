import { changedPositions, type Board } from '../../shared/docSchema.ts';
import type { MeasureText } from '../model/layout.ts';
import type { BoardView, CardContents } from './viewTypes.ts';
import { remembered, type ViewLabels } from './viewLabels.ts';
import { buildCardContents, reuseUnchangedContents } from './viewContents.ts';
import { moveInView, placeCards, type Placed } from './viewPlacement.ts';

// The types live in viewTypes.ts so the view's parts can name them without importing this builder (a cycle); callers import the view from here.
export type * from './viewTypes.ts';
export type { ViewLabels } from './viewLabels.ts';

export const EMPTY_VIEW: BoardView = { people: [], skills: [], questions: [], reactions: [], connectors: [], pairs: [], rects: new Map() };

/**
 * Turns checked board data into what the canvas draws: texts, sizes and positions.
 * `meId` is the current participant: their own card says so, and they alone see the
 * nominations they declined (faintly).
 */
export function buildBoardView(board: Board, labels: ViewLabels, measure: MeasureText, editable: boolean, meId: string | null = null): BoardView {
  return new BoardViewBuilder().build(board, labels, measure, editable, meId);
}

/**
 * buildBoardView for a board that keeps changing, in two stages: the cards' contents
 * (texts, chips, sizes) are rebuilt only when the records they show changed, and a move
 * only re-places cards. Cards that did not change come back as the same objects, so the
 * memoised canvas components skip them: 100 remote moves a second on a 5,000-card board
 * cost a few hundred microseconds each, not a rebuild of every card.
 */
export class BoardViewBuilder {
  private contentsKey: unknown[] = [];
  private contents: CardContents | null = null;
  private view: BoardView | null = null;
  private readonly placed = new Map<string, Placed>();
  /** The positions this.view was placed with. */
  private positions: Board['positions'] | null = null;
  private pairs: Board['pairs'] | null = null;
  /** Some card had no position and was placed beside the others. */
  private autoPlaced = false;

  build(board: Board, labels: ViewLabels, measure: MeasureText, editable: boolean, meId: string | null = null): BoardView {
    const key = [board.people, board.skills, board.skillLinks, board.endorsements, board.questions, board.reactions, labels, measure, editable, meId];
    const contentsChanged = !this.contents || key.some((input, i) => input !== this.contentsKey[i]);
    if (contentsChanged) {
      const next = buildCardContents(board, remembered(labels), measure, editable, meId);
      this.contents = this.contents ? reuseUnchangedContents(this.contents, next) : next;
      this.contentsKey = key;
    }
    if (!contentsChanged && this.view && board.positions === this.positions && board.pairs === this.pairs) return this.view;
    // A few cards moved and nothing else changed: re-place only those.
    const change = changedPositions(board.positions);
    // (Auto-placed cards sit beside all the others, so any move can shift them: then place all.)
    const moved =
      !contentsChanged && this.view && !this.autoPlaced && change && change.previous === this.positions
        ? moveInView(this.view, board.positions, change.moved, board.pairs, this.placed)
        : null;
    if (moved) this.view = moved;
    else {
      this.view = placeCards(this.contents!, board.positions, board.pairs, this.view, this.placed);
      this.autoPlaced = [...this.view.rects.keys()].some((id) => !board.positions.has(id));
    }
    this.positions = board.positions;
    this.pairs = board.pairs;
    return this.view;
  }
}

/** The person card under a board point, topmost (last drawn) first. */
export function personAt(view: BoardView, point: { x: number; y: number }): string | null {
  for (let i = view.people.length - 1; i >= 0; i--) {
    const p = view.people[i];
    if (point.x >= p.x && point.x <= p.x + p.width && point.y >= p.y && point.y <= p.y + p.height) return p.id;
  }
  return null;
}
