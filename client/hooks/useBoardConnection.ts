import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { HocuspocusProvider, type AuthorizedScope } from '@hocuspocus/provider';
import { COLLAB_PATH } from '../../shared/collabProtocol.ts';

export interface BoardConnection {
  doc: Y.Doc;
  provider: HocuspocusProvider;
}

export interface BoardConnectionState {
  connection: BoardConnection | null;
  /** The server refused this board: it does not exist (any more), or we may not see it. */
  refused: boolean;
  /** "readonly" when the server lets us look but not edit. */
  scope: AuthorizedScope | undefined;
}

/** Same origin as the page: the server (or Vite's proxy in development) serves /collab next to the app. */
export function collabUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${COLLAB_PATH}`;
}

/**
 * Owns one board's Y.Doc and its provider for as long as the component is mounted
 * (per boardId). Content is never seeded here: the server initialises new boards.
 */
export function useBoardConnection(boardId: string | null): BoardConnectionState {
  const [state, setState] = useState<BoardConnectionState>({ connection: null, refused: false, scope: undefined });

  useEffect(() => {
    if (!boardId) return;
    const doc = new Y.Doc();
    const provider = new HocuspocusProvider({
      url: collabUrl(),
      name: boardId,
      document: doc,
      onAuthenticationFailed: () => setState((s) => ({ ...s, refused: true })),
      onAuthenticated: ({ scope }) => setState((s) => ({ ...s, scope })),
    });
    setState({ connection: { doc, provider }, refused: false, scope: undefined });
    return () => {
      provider.destroy();
      doc.destroy();
      setState({ connection: null, refused: false, scope: undefined });
    };
  }, [boardId]);

  return state;
}
