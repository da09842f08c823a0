import { PatchedMap } from '../../shared/patchedMap.ts';
import type { Board } from '../../shared/docSchema.ts';
import { autoPlace, boundsOf, centreOf, edgePoint, type Rect } from '../model/layout.ts';
import type { BoardView, CardContents, CardRect, CardType, ConnectorView, PairLinkView, PersonCardView, QuestionCardView, ReactionCardView, SkillCardView } from './viewTypes.ts';
import { sameItems, sameValue } from './viewEquality.ts';

/** One placed card as last handed out: the contents it was made from and where. */
export interface Placed {
  contents: object;
  x: number;
  y: number;
  card: { id: string; x: number; y: number; width: number; height: number };
}

/**
 * Puts the cards where the board says they are (cards without a position are placed
 * beside the others), and draws the lines between them. A card whose contents and place
 * are unchanged since `previous` comes back as the same object.
 */
export function placeCards(contents: CardContents, positions: Board['positions'], boardPairs: Board['pairs'], previous: BoardView | null, placedBefore: Map<string, Placed>): BoardView {
  const unplaced: Array<{ id: string; width: number; height: number }> = [];
  const place = <T extends { id: string; x: number; y: number; width: number; height: number }>(cards: T[]): T[] =>
    cards.map((card) => {
      const at = positions.get(card.id);
      if (!at) {
        unplaced.push(card);
        return card;
      }
      // This runs for every card on every frame a card moves: one lookup and three comparisons.
      const old = placedBefore.get(card.id);
      if (old && old.contents === card && old.x === at.x && old.y === at.y) return old.card as T;
      const next = { ...card, x: at.x, y: at.y };
      placedBefore.set(card.id, { contents: card, x: at.x, y: at.y, card: next });
      return next;
    });
  let people = place(contents.people);
  let skills = place(contents.skills);
  let questions = place(contents.questions);
  let reactions = place(contents.reactions);
  if (unplaced.length) {
    const placed = [...people, ...skills, ...questions, ...reactions].filter((card) => positions.has(card.id));
    const spots = autoPlace(unplaced, boundsOf(placed));
    const spot = <T extends { id: string }>(card: T): T => {
      const at = spots.get(card.id);
      return at ? { ...card, ...at } : card;
    };
    people = people.map(spot);
    skills = skills.map(spot);
    questions = questions.map(spot);
    reactions = reactions.map(spot);
  }
  if (previous) {
    people = sameItems(previous.people, people) ? previous.people : people;
    skills = sameItems(previous.skills, skills) ? previous.skills : skills;
    questions = sameItems(previous.questions, questions) ? previous.questions : questions;
    reactions = sameItems(previous.reactions, reactions) ? previous.reactions : reactions;
  }
  if (placedBefore.size > 2 * (people.length + skills.length + questions.length + reactions.length) + 100) {
    // Forget deleted cards now and then.
    const alive = new Set([...people, ...skills, ...questions, ...reactions].map((c) => c.id));
    for (const id of placedBefore.keys()) if (!alive.has(id)) placedBefore.delete(id);
  }

  const rects = new Map<string, CardRect>();
  const rect = (c: Rect, type: CardType): CardRect => ({ x: c.x, y: c.y, width: c.width, height: c.height, type });
  for (const p of people) rects.set(p.id, rect(p, 'person'));
  for (const s of skills) rects.set(s.id, rect(s, 'skill'));
  for (const q of questions) rects.set(q.id, rect(q, 'question'));
  for (const r of reactions) rects.set(r.id, rect(r, 'reaction'));

  return { people, skills, questions, reactions, ...linesBetween(questions, boardPairs, rects, previous), rects };
}

/** The connector from each question to its student, and the link between paired students. */
function linesBetween(questions: QuestionCardView[], boardPairs: Board['pairs'], rects: ReadonlyMap<string, CardRect>, previous: BoardView | null): Pick<BoardView, 'connectors' | 'pairs'> {
  const between = (a: Rect, b: Rect): [number, number, number, number] => {
    const from = edgePoint(a, centreOf(b));
    const to = edgePoint(b, centreOf(a));
    return [from.x, from.y, to.x, to.y];
  };
  const connectors: ConnectorView[] = questions.flatMap((q) => {
    const student = rects.get(q.studentId);
    return student ? [{ id: q.id, points: between(rects.get(q.id)!, student) }] : [];
  });
  const pairs: PairLinkView[] = boardPairs.flatMap((pair) => {
    const [a, b] = pair.studentIds.map((id) => rects.get(id));
    if (!a || !b) return [];
    const points = between(a, b);
    return [{ id: pair.id, studentIds: pair.studentIds, points, mid: { x: (points[0] + points[2]) / 2, y: (points[1] + points[3]) / 2 } }];
  });
  return {
    connectors: previous && sameValue(previous.connectors, connectors) ? previous.connectors : connectors,
    pairs: previous && sameValue(previous.pairs, pairs) ? previous.pairs : pairs,
  };
}

/**
 * The same as placeCards when only the cards in `moved` changed place since `view` was
 * made: those cards get new objects, everything else is shared. Work in proportion to
 * the moves, not the board (plus a few native copies). Null when it cannot tell (a card
 * lost its position and must be auto-placed, or a moved card is unknown): place all.
 */
export function moveInView(view: BoardView, positions: Board['positions'], moved: ReadonlySet<string>, boardPairs: Board['pairs'], placedBefore: Map<string, Placed>): BoardView | null {
  const changed = new Map<string, CardRect>();
  const lists: Partial<Record<CardType, Array<{ id: string; x: number; y: number; width: number; height: number }>>> = {};
  const listOf: Record<CardType, keyof CardContents> = { person: 'people', skill: 'skills', question: 'questions', reaction: 'reactions' };
  for (const id of moved) {
    const rect = view.rects.get(id);
    if (!rect) {
      // A position for something that is not a card (yet): harmless, unless it is a card we have not placed.
      if (placedBefore.has(id)) return null;
      continue;
    }
    const at = positions.get(id);
    const entry = placedBefore.get(id);
    if (!at || !entry) return null;
    const list = (lists[rect.type] ??= [...view[listOf[rect.type]]]);
    const index = list.indexOf(entry.card);
    if (index < 0) return null;
    const card = { ...entry.card, x: at.x, y: at.y };
    list[index] = card;
    placedBefore.set(id, { contents: entry.contents, x: at.x, y: at.y, card });
    changed.set(id, { x: at.x, y: at.y, width: rect.width, height: rect.height, type: rect.type });
  }
  // The thousands of cards that stayed are shared with the previous view, not copied.
  const rects = PatchedMap.with(view.rects, changed);
  const questions = (lists.question as QuestionCardView[] | undefined) ?? view.questions;
  return {
    people: (lists.person as PersonCardView[] | undefined) ?? view.people,
    skills: (lists.skill as SkillCardView[] | undefined) ?? view.skills,
    questions,
    reactions: (lists.reaction as ReactionCardView[] | undefined) ?? view.reactions,
    ...linesBetween(questions, boardPairs, rects, view),
    rects,
  };
}
