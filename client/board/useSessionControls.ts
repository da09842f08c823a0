import { useCallback, useState } from 'react';
import type { SessionCommand } from '../../shared/session.ts';
import { rotateLink, sendSessionCommand } from '../net/api.ts';
import { knownBoard, localStore, rememberBoard } from '../storage/boardAccess.ts';

/**
 * The facilitator's session commands (timer, lock, bring everyone) and the participant link
 * this browser knows for the board, which the big screen shows as a QR code.
 */
export function useSessionControls(boardId: string, token: string, onFailed: () => void) {
  const runCommand = useCallback(
    (command: SessionCommand) => {
      sendSessionCommand(boardId, command, token).catch((error: unknown) => {
        console.warn('Session command failed', error);
        onFailed();
      });
    },
    [boardId, token, onFailed],
  );
  const [joinLink, setJoinLink] = useState<string | null>(() => knownBoard(localStore(), boardId)?.links.participant ?? null);
  const makeJoinLink = async () => {
    try {
      const { link } = await rotateLink(boardId, 'participant', token);
      rememberBoard(localStore(), boardId, { links: { participant: link } });
      setJoinLink(link);
    } catch {
      onFailed();
    }
  };
  return { runCommand, joinLink, makeJoinLink };
}
