import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, BOARD_NOT_FOUND, getBoard, type BoardSummary } from '../api.ts';
import { NotFound } from './NotFound.tsx';
import { BoardWorkspace } from './BoardWorkspace.tsx';

type Lookup = { kind: 'loading' } | { kind: 'missing' } | { kind: 'unreachable' } | { kind: 'found'; board: BoardSummary };

/**
 * Asks the REST API whether the board exists before opening a socket: the collab server
 * refuses unknown ids, and "authentication failed" is no message for a care worker.
 */
export function BoardPage({ boardId }: { boardId: string }) {
  const { t } = useTranslation();
  const [lookup, setLookup] = useState<Lookup>({ kind: 'loading' });

  const load = useCallback(
    (signal?: AbortSignal) => {
      setLookup({ kind: 'loading' });
      getBoard(boardId, signal)
        .then((board) => setLookup({ kind: 'found', board }))
        .catch((error: unknown) => {
          if (signal?.aborted) return;
          const missing = error instanceof ApiError && (error.status === 404 || error.code === BOARD_NOT_FOUND || error.status === 400);
          setLookup({ kind: missing ? 'missing' : 'unreachable' });
        });
    },
    [boardId],
  );

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [load]);

  if (lookup.kind === 'missing') return <NotFound />;
  if (lookup.kind === 'unreachable') {
    return (
      <div className="center-page">
        <div className="panel message-panel" role="alert">
          <p>{t('board.unreachable')}</p>
          <button type="button" className="button button-primary" onClick={() => load()}>
            {t('board.retry')}
          </button>
        </div>
      </div>
    );
  }
  if (lookup.kind === 'loading') {
    return (
      <div className="center-page">
        <p className="muted">{t('board.loading')}</p>
      </div>
    );
  }
  return <BoardWorkspace key={boardId} boardId={boardId} initialTitle={lookup.board.title} onMissing={() => setLookup({ kind: 'missing' })} />;
}
