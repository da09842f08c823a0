import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addPerson, addSkill } from '../../shared/boardWrites.ts';
import { linkSkill } from '../../shared/skillLinks.ts';
import { readBoard } from '../../shared/docSchema.ts';
import { decodeStoredSnapshot, OwnWorkTracker, parseServerMessage } from '../../shared/collabProtocol.ts';

/** A real provider with its own socket, as a browser tab would have, for tests against a listening server. */
export interface TestClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** Every stored snapshot the server announced, newest last. */
  storedSnapshots: Y.Snapshot[];
  /** When each of those announcements arrived (Date.now()), in the same order. */
  storedAt: number[];
  synced: Promise<void>;
  /** Resolves once the server announces a stored state that covers all of this client's own edits. */
  ownWorkStored(): Promise<void>;
  destroy(): void;
}

export function connectClient(baseUrl: string, boardId: string, token: string, doc = new Y.Doc()): TestClient {
  const socket = new HocuspocusProviderWebsocket({
    url: `${baseUrl.replace(/^http/, 'ws')}/collab`,
    WebSocketPolyfill: WebSocket,
    delay: 50,
    maxDelay: 200,
    minDelay: 20,
  });
  const storedSnapshots: Y.Snapshot[] = [];
  const storedAt: number[] = [];
  const waiters = new Set<() => void>();
  let provider: HocuspocusProvider;
  const ownWork = new OwnWorkTracker(doc, (origin) => origin === provider);
  const covered = () => ownWork.allStored;
  let resolveSynced!: () => void;
  const synced = new Promise<void>((resolve) => (resolveSynced = resolve));
  provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: boardId,
    token,
    document: doc,
    onSynced: () => resolveSynced(),
    onStateless: ({ payload }) => {
      const message = parseServerMessage(payload);
      const snapshot = message && decodeStoredSnapshot(message);
      if (!snapshot) return;
      storedSnapshots.push(snapshot);
      storedAt.push(Date.now());
      ownWork.noteStored(snapshot);
      for (const wake of [...waiters]) wake();
    },
  });
  provider.attach();
  return {
    doc,
    provider,
    socket,
    storedSnapshots,
    storedAt,
    synced,
    ownWorkStored: () =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (covered()) {
            waiters.delete(check);
            resolve();
          }
        };
        waiters.add(check);
        check();
      }),
    destroy() {
      ownWork.destroy();
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Polls until `predicate` holds, failing after `timeoutMs` with `what` in the message. */
export async function waitFor(predicate: () => boolean, what: string, timeoutMs = 5000) {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Adds Fatima with wondzorg linked to her (a card of each kind a link joins, placed apart)
 * through `client`, waits until the server has stored it, and returns the board as read then.
 */
export async function storeLinkedSkill(client: TestClient) {
  const fatima = addPerson(client.doc, { name: 'Fatima', kind: 'professional-team' }, { x: 10, y: 20 });
  const wondzorg = addSkill(client.doc, { label: 'wondzorg', category: 'zorgverlener', reservedAct: false }, { x: 300, y: 20 });
  linkSkill(client.doc, { personId: fatima, skillId: wondzorg });
  await client.ownWorkStored();
  return readBoard(client.doc);
}
