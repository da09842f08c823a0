import { useEffect, useMemo, useState } from 'react';
import type { Board } from '../../shared/docSchema.ts';
import type { BoardView } from '../canvas/boardView.ts';
import type { PresenceStore } from '../hooks/presenceStore.ts';
import { useStableSet } from '../hooks/useStableSet.ts';

/** The selected cards (and pairs) and the card being renamed; shared with the others as presence. */
export function useSelection(board: Board | null, view: BoardView, editable: boolean, presence: PresenceStore | null) {
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const boardPairs = board?.pairs;
  const pairIds = useMemo(() => new Set((boardPairs ?? []).map((p) => p.id)), [boardPairs]);
  // A card someone else deleted is no longer selected or edited here.
  const selection = useMemo(() => selected.filter((id) => view.rects.has(id) || pairIds.has(id)), [selected, view, pairIds]);
  // The same Set while the selection is (the overview keeps its picture while the selection does).
  const selectedIds = useStableSet(useMemo(() => new Set(selection), [selection]));
  useEffect(() => {
    presence?.setSelection(selection);
  }, [presence, selection]);
  return {
    selection,
    selectedIds,
    single: selection.length === 1 ? selection[0] : null,
    setSelected,
    editingId: editable && editing && view.rects.has(editing) ? editing : null,
    setEditing,
  };
}

export type Selection = ReturnType<typeof useSelection>;
