import { useMemo } from 'react';
import { Cursors, type CursorView } from '../canvas/Presence.tsx';
import type { PresenceStore } from '../hooks/presenceStore.ts';
import { useRemoteCursors } from '../hooks/usePresence.ts';

/**
 * The cursor layer wired to awareness. Its own component, so the many cursor updates a
 * second re-render only this layer, never the workspace or the cards.
 */
export function LiveCursors({ store, scale, guestName }: { store: PresenceStore | null; scale: number; guestName: string }) {
  const cursors = useRemoteCursors(store);
  const views = useMemo<CursorView[]>(
    () => cursors.map((c) => ({ key: String(c.clientId), name: c.name || guestName, colour: c.colour, x: c.x, y: c.y })),
    [cursors, guestName],
  );
  return <Cursors cursors={views} scale={scale} />;
}
