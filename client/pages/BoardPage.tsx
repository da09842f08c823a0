import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/session.ts';
import { ApiError, BOARD_NOT_FOUND, TOKEN_MISSING, getBoard, isBoardDamaged, isBusy, isDeadLink, type BoardSummary } from '../net/api.ts';
import { localStore, rememberBoard, tokenFromHash } from '../storage/boardAccess.ts';
import { earlyBoardFor, forgetEarlyBoard, pageToken } from '../boot/earlyBoard.ts';
import type { Denial } from '../hooks/useBoardConnection.ts';
import { MessagePage } from '../components/MessagePage.tsx';
import { NotFound } from './NotFound.tsx';
import { BoardWorkspace } from '../board/BoardWorkspace.tsx';
import { useBoardConnection } from '../hooks/useBoardConnection.ts';

type Lookup =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'unreachable' }
  | { kind: 'damaged' }
  /** Too many requests (or briefly unavailable): asks again by itself after `seconds`. */
  | { kind: 'busy'; seconds: number }
  | { kind: 'denied'; denial: AccessDenial }
  | { kind: 'found'; board: BoardSummary; role: Role };

/**
 * Takes the token out of a board link (`#t=…`): it is kept per board in this browser
 * and removed from the address bar, so a shared screen never shows it.
 */
function takeTokenFromAddress(boardId: string): string | null {
  const token = pageToken(boardId, window.location.hash);
  const fromHash = tokenFromHash(window.location.hash);
  if (fromHash) {
    rememberBoard(localStore(), boardId, { token: fromHash });
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }
  return token;
}

type AccessDenial = Exclude<Denial, 'board-not-found' | 'board-damaged'>;

/** How long the busy page waits before it asks again: the server's Retry-After, within reason. */
export function busyWaitSeconds(retryAfter: number | null | undefined): number {
  if (retryAfter === null || retryAfter === undefined || !Number.isFinite(retryAfter)) return 10;
  return Math.min(120, Math.max(2, Math.ceil(retryAfter)));
}

/** "Ask the facilitator" pages: no link, or a link that no longer works. */
export function AccessMessage({ denial }: { denial: AccessDenial }) {
  const { t } = useTranslation();
  const missing = denial === 'missing-token';
  return (
    <MessagePage title={t(missing ? 'access.needLink' : 'access.deadLink')} alert denial={denial}>
      <p>{t(missing ? 'access.needLinkBody' : 'access.deadLinkBody')}</p>
    </MessagePage>
  );
}

/**
 * The board's file on the server is damaged: not the link's fault, and nothing the
 * facilitator can fix from here. The server keeps the last good copy; whoever runs it restores it.
 */
export function DamagedBoardMessage() {
  const { t } = useTranslation();
  return (
    <MessagePage title={t('notice.damagedTitle')} alert denial="board-damaged">
      <p>{t('notice.damagedBody')}</p>
      <p>{t('notice.damagedAsk')}</p>
    </MessagePage>
  );
}

/** Too busy right now: asks again by itself after `seconds`; the button asks at once. */
function BusyMessage({ seconds, onRetry }: { seconds: number; onRetry(): void }) {
  const { t } = useTranslation();
  const retry = useRef(onRetry);
  retry.current = onRetry;
  useEffect(() => {
    const timer = setTimeout(() => retry.current(), seconds * 1000);
    return () => clearTimeout(timer);
  }, [seconds]);
  return (
    <MessagePage
      title={t('notice.busyTitle')}
      state="busy"
      action={
        <button type="button" className="button button-primary" onClick={onRetry}>
          {t('notice.busyNow')}
        </button>
      }
    >
      <p role="status">{t('notice.busyBody', { seconds })}</p>
    </MessagePage>
  );
}

/**
 * Asks the REST API whether the board exists (and what this link may do) before opening
 * a socket: "authentication failed" is no message for a care worker.
 */
export function BoardPage({ boardId }: { boardId: string }) {
  const { t } = useTranslation();
  const [token] = useState(() => takeTokenFromAddress(boardId));
  // The lookup and the board itself, when index.html's script already asked for them.
  const [early] = useState(() => earlyBoardFor(boardId, token));
  const earlyLookup = useRef(early?.lookup);
  useEffect(() => forgetEarlyBoard(), []);
  const [lookup, setLookup] = useState<Lookup>({ kind: 'loading' });
  // Connect at once, while the board is looked up: on a big board the handshake and the
  // first sync take longer than the lookup, and need not wait for it.
  const connectionState = useBoardConnection(lookup.kind === 'loading' || lookup.kind === 'found' ? boardId : null, token, early);

  const load = useCallback(
    (signal?: AbortSignal) => {
      setLookup({ kind: 'loading' });
      // The early answer serves the first lookup only; a retry asks again.
      getBoard(boardId, token, signal, earlyLookup.current)
        .then((board) => {
          rememberBoard(localStore(), boardId, { role: board.role, title: board.title });
          setLookup({ kind: 'found', board, role: board.role });
        })
        .catch((error: unknown) => {
          if (signal?.aborted) return;
          earlyLookup.current = undefined;
          const missing = error instanceof ApiError && (error.status === 404 || error.code === BOARD_NOT_FOUND || error.status === 400);
          if (missing) return setLookup({ kind: 'missing' });
          if (error instanceof ApiError && error.code === TOKEN_MISSING) return setLookup({ kind: 'denied', denial: 'missing-token' });
          if (isDeadLink(error)) return setLookup({ kind: 'denied', denial: 'dead-link' });
          if (isBoardDamaged(error)) return setLookup({ kind: 'damaged' });
          if (isBusy(error)) return setLookup({ kind: 'busy', seconds: busyWaitSeconds(error.retryAfterSeconds) });
          setLookup({ kind: 'unreachable' });
        });
    },
    [boardId, token],
  );

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const onDenied = useCallback((denial: Denial) => {
    if (denial === 'board-not-found') setLookup({ kind: 'missing' });
    else if (denial === 'board-damaged') setLookup({ kind: 'damaged' });
    else setLookup({ kind: 'denied', denial });
  }, []);

  if (lookup.kind === 'missing') return <NotFound />;
  if (lookup.kind === 'denied') return <AccessMessage denial={lookup.denial} />;
  if (lookup.kind === 'damaged') return <DamagedBoardMessage />;
  if (lookup.kind === 'busy') return <BusyMessage seconds={lookup.seconds} onRetry={() => load()} />;
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
  return (
    <BoardWorkspace
      key={boardId}
      boardId={boardId}
      connectionState={connectionState}
      token={token ?? ''}
      initialRole={lookup.role}
      initialTitle={lookup.board.title}
      onDenied={onDenied}
    />
  );
}
