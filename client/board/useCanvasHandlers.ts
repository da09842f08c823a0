import { useCallback, useRef, type RefObject } from 'react';
import type { BoardView } from '../canvas/boardView.ts';
import type { Point } from '../model/layout.ts';
import type { BoardWriter } from './boardWriter.ts';
import type { Selection } from './useSelection.ts';
import type { WorkspaceState } from './useWorkspaceState.ts';

interface Options {
  view: BoardView;
  ui: WorkspaceState;
  selection: Selection;
  writer: BoardWriter;
  onLinkSkill(skillId: string, personId: string): void;
  areaRef: RefObject<HTMLDivElement | null>;
  stageBoxRef: RefObject<HTMLDivElement | null>;
}

/**
 * What the canvas reports, turned into selection, edits and board writes. Every handler is
 * stable (it reads the latest state through a ref), so the memoised cards do not re-render
 * when unrelated state changes.
 */
export function useCanvasHandlers({ view, ui, selection, writer, onLinkSkill, areaRef, stageBoxRef }: Options) {
  const { setSelected, setEditing } = selection;
  const { setArmedSkill, setChipPopover } = ui;
  const live = useRef({ armedSkill: ui.armedSkill, view });
  live.current = { armedSkill: ui.armedSkill, view };

  const onSelect = useCallback(
    (id: string | null, additive: boolean) => {
      const { armedSkill, view } = live.current;
      if (armedSkill) {
        // Tap-to-link: the tap on a person links the skill picked in the palette.
        setArmedSkill(null);
        if (id && view.rects.get(id)?.type === 'person') {
          onLinkSkill(armedSkill, id);
          return;
        }
      }
      setChipPopover(null);
      if (id === null) {
        if (!additive) setSelected([]);
        return;
      }
      setSelected((list) => (additive ? (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]) : [id]));
    },
    [setArmedSkill, setChipPopover, setSelected, onLinkSkill],
  );
  const onSelectBox = useCallback((ids: string[]) => setSelected((list) => [...new Set([...list, ...ids])]), [setSelected]);
  const onMoveCards = useCallback((moves: Parameters<BoardWriter['moveCards']>[0]) => writer.moveCards(moves), [writer]);
  const onUnlink = useCallback((linkId: string) => void writer.unlink(linkId), [writer]);
  const onEdit = useCallback(
    (id: string) => {
      setSelected([id]);
      setEditing(id);
    },
    [setSelected, setEditing],
  );
  const onChipClick = useCallback(
    (linkId: string, at: Point) => {
      const area = areaRef.current?.getBoundingClientRect();
      const stage = stageBoxRef.current?.getBoundingClientRect();
      const x = (stage?.left ?? 0) - (area?.left ?? 0) + at.x;
      const y = (stage?.top ?? 0) - (area?.top ?? 0) + at.y;
      const width = area?.width ?? 1000;
      setChipPopover({ linkId, at: { x: Math.max(8, Math.min(x + 8, width - 340)), y: y + 16 } });
    },
    [areaRef, stageBoxRef, setChipPopover],
  );
  return { onSelect, onSelectBox, onMoveCards, onLinkSkill, onUnlink, onEdit, onChipClick };
}
