import type { KonvaEventObject } from 'konva/lib/Node';
import Konva from './konva.ts';
import type { GestureContext } from './gestureContext.ts';
import { personAt } from './boardView.ts';
import type { Point } from '../model/layout.ts';
import { toBoard } from './viewport.ts';

const CARD_NAMES = ['person-card', 'skill-card', 'question-card', 'reaction-card'];
const isCard = (node: Konva.Node) => CARD_NAMES.some((name) => node.hasName(name));
const cardOf = (target: Konva.Node): Konva.Node | null => (target.findAncestor(isCard, true) as Konva.Node | undefined) ?? null;

/**
 * Pressing, clicking and dragging full cards: selection (click, Shift-click), moving one
 * card or a whole selection, and dragging a skill onto a person to link it.
 */
export function createCardGestures(canvas: GestureContext) {
  const { latest, cardsLayer, dragLayer, dragOrigin, groupDrag, dropTargetRef, setDropTarget, setSkillDrag } = canvas;

  const onCardPointerDown = (e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    if (e.target.hasName('chip-remove')) return;
    const card = cardOf(e.target);
    if (!card) return;
    const additive = 'shiftKey' in e.evt && e.evt.shiftKey;
    // Pressing a card that is part of a multi-selection keeps the selection, so it can be dragged as a group.
    if (additive || !latest.current.selectedIds.has(card.id())) latest.current.onSelect(card.id(), additive);
  };

  const onCardDoubleClick = (e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    if (!latest.current.editable || e.target.hasName('chip-remove') || e.target.hasName('chip-body')) return;
    const card = cardOf(e.target);
    if (card) latest.current.onEdit(card.id());
  };

  const onCardClick = (e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    const target = e.target as Konva.Node;
    const linkId: unknown = target.getAttr('linkId');
    if (target.hasName('chip-remove') && typeof linkId === 'string') {
      e.cancelBubble = true;
      if (latest.current.editable) latest.current.onUnlink(linkId);
      return;
    }
    if (target.hasName('chip-body') && typeof linkId === 'string') {
      const pointer = target.getStage()?.getPointerPosition();
      if (pointer) latest.current.onChipClick(linkId, pointer);
      return;
    }
    // A plain click on one card of a multi-selection narrows the selection to that card.
    const card = cardOf(target);
    const additive = 'shiftKey' in e.evt && e.evt.shiftKey;
    if (card && !additive && latest.current.selectedIds.size > 1) latest.current.onSelect(card.id(), false);
  };

  const pointerOnBoard = (node: Konva.Node): Point | null => {
    const pointer = node.getStage()?.getPointerPosition();
    return pointer ? toBoard(latest.current.viewport, pointer) : null;
  };

  const onCardDragStart = (e: KonvaEventObject<DragEvent>) => {
    const node = e.target;
    if (!isCard(node)) return;
    const { view, selectedIds } = latest.current;
    const rect = view.rects.get(node.id());
    const origin = rect ? { x: rect.x, y: rect.y } : node.position();
    dragOrigin.current.set(node.id(), origin);
    node.moveToTop();
    if (dragLayer.current) node.moveTo(dragLayer.current);
    groupDrag.current = null;
    if (selectedIds.has(node.id()) && selectedIds.size > 1) {
      const origins = new Map<string, Point>();
      const nodes: Konva.Node[] = [];
      for (const id of selectedIds) {
        const r = view.rects.get(id);
        if (!r || id === node.id()) continue;
        origins.set(id, { x: r.x, y: r.y });
        // Selected cards far off screen are not drawn (culled): they move with the others when the drag ends.
        const other = cardsLayer.current?.findOne(`#${id}`);
        if (other) {
          nodes.push(other);
          if (dragLayer.current) other.moveTo(dragLayer.current);
        }
      }
      if (origins.size) {
        groupDrag.current = { lead: node.id(), origins, nodes };
        return;
      }
    }
    if (node.hasName('skill-card') && rect) setSkillDrag({ id: node.id(), origin, width: rect.width, height: rect.height });
  };

  const onCardDragMove = (e: KonvaEventObject<DragEvent>) => {
    const node = e.target;
    const group = groupDrag.current;
    if (group && group.lead === node.id()) {
      const origin = dragOrigin.current.get(node.id())!;
      const dx = node.x() - origin.x;
      const dy = node.y() - origin.y;
      for (const other of group.nodes) {
        const at = group.origins.get(other.id())!;
        other.position({ x: at.x + dx, y: at.y + dy });
      }
      return;
    }
    if (!node.hasName('skill-card')) return;
    const point = pointerOnBoard(node);
    setDropTarget(point ? personAt(latest.current.view, point) : null);
  };

  const onCardDragEnd = (e: KonvaEventObject<DragEvent>) => {
    const node = e.target;
    if (!isCard(node)) return;
    const id = node.id();
    const origin = dragOrigin.current.get(id);
    dragOrigin.current.delete(id);
    const group = groupDrag.current;
    groupDrag.current = null;
    // Back among the other cards (on top, where a dragged card ends up).
    const home = cardsLayer.current;
    if (home) for (const moved of [node, ...(group?.nodes ?? [])]) if (moved.getParent() && moved.getLayer() !== home) moved.moveTo(home);
    if (group && group.lead === id) {
      const dx = node.x() - (origin?.x ?? node.x());
      const dy = node.y() - (origin?.y ?? node.y());
      const moves = [{ id, x: node.x(), y: node.y() }, ...[...group.origins].map(([other, at]) => ({ id: other, x: at.x + dx, y: at.y + dy }))];
      if (!latest.current.onMoveCards(moves)) {
        if (origin) node.position(origin);
        for (const n of group.nodes) n.position(group.origins.get(n.id())!);
      }
      return;
    }
    const personId = node.hasName('skill-card') ? dropTargetRef.current : null;
    setDropTarget(null);
    setSkillDrag(null);
    if (personId) {
      // A skill card is a reusable stamp: it links, then returns home for the next colleague.
      if (origin) node.to({ x: origin.x, y: origin.y, duration: 0.18, easing: Konva.Easings.EaseOut });
      latest.current.onLinkSkill(id, personId);
      return;
    }
    if (!latest.current.onMoveCards([{ id, x: node.x(), y: node.y() }]) && origin) node.position(origin);
  };

  const onSelectPair = (id: string, additive: boolean) => latest.current.onSelect(id, additive);

  return { onCardPointerDown, onCardDoubleClick, onCardClick, onCardDragStart, onCardDragMove, onCardDragEnd, onSelectPair };
}
