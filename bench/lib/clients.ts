import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { COLLAB_PATH } from '../../shared/collabProtocol.ts';

export type ServerKind = 'ours' | 'peer' | 'relay';
export const SERVER_KINDS: readonly ServerKind[] = ['ours', 'peer', 'relay'];

/**
 * One real client with its own socket, whatever the server: a Y.Doc and an Awareness,
 * synced with the board on the server. Each server is driven by its own client:
 *  - ours:  @hocuspocus/provider (HocuspocusProviderWebsocket + ws polyfill + attach()),
 *           with the board link's token
 *  - peer:  y-websocket's WebsocketProvider (BroadcastChannel off: in one Node process it
 *           would deliver updates between providers without the server)
 *  - relay: a bare ws socket; the doc starts from the board state handed over by the
 *           orchestrator, local updates and awareness go out as [type byte, payload] and
 *           whatever arrives is applied — the same Yjs work per message as the others,
 *           with no server logic in between.
 */
export interface BenchClient {
  kind: ServerKind;
  doc: Y.Doc;
  awareness: Awareness;
  synced: Promise<void>;
  /**
   * Stops applying what the server sends (the socket still reads every byte, so the server
   * sees no difference). For write-only load generators: 20 clients each applying 2,000
   * updates/s would need more CPU than this 2-core machine has, and would measure the
   * clients instead of the server.
   */
  mute(): void;
  destroy(): void;
}

export interface ConnectOptions {
  /** Board state for relay clients (the relay keeps none). */
  initialState?: Uint8Array;
  /** Reject `synced` after this long. */
  timeoutMs?: number;
}

const RELAY_UPDATE = 0;
const RELAY_AWARENESS = 1;
/** Transaction origin of what relay clients apply from the wire. */
const REMOTE = Symbol('relay-remote');

function withTimeout(promise: Promise<void>, ms: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: not synced after ${ms} ms`)), ms);
    promise.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * Where a bench client goes: the board id (ours) or room name, for ours followed by the
 * link token as in the app's own links: `<id>#t=<token>`.
 */
export const boardIdOf = (address: string) => address.split('#')[0];
export const tokenOf = (address: string) => /#t=([^&]+)/.exec(address)?.[1];

/** `baseUrl` is http://127.0.0.1:PORT; `address` is a board address (see boardIdOf). */
export function connectClient(kind: ServerKind, baseUrl: string, address: string, options: ConnectOptions = {}): BenchClient {
  const wsBase = baseUrl.replace(/^http/, 'ws');
  const board = boardIdOf(address);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const doc = new Y.Doc();

  if (kind === 'ours') {
    const socket = new HocuspocusProviderWebsocket({ url: `${wsBase}${COLLAB_PATH}`, WebSocketPolyfill: WebSocket });
    let resolveSynced!: () => void;
    const synced = new Promise<void>((resolve) => (resolveSynced = resolve));
    let rejectSynced!: (error: Error) => void;
    const refused = new Promise<void>((_, reject) => (rejectSynced = reject));
    refused.catch(() => undefined);
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: board,
      document: doc,
      token: tokenOf(address) ?? '',
      onSynced: () => resolveSynced(),
      onAuthenticationFailed: ({ reason }) => rejectSynced(new Error(`ours ${board}: refused (${reason})`)),
    });
    provider.attach();
    return {
      kind,
      doc,
      awareness: provider.awareness!,
      synced: withTimeout(Promise.race([synced, refused]), timeoutMs, `ours ${board}`),
      mute() {
        // The shared socket reads every frame and hands it to provider.onMessage.
        (provider as unknown as { onMessage(event: unknown): void }).onMessage = () => {};
      },
      destroy() {
        provider.destroy();
        socket.destroy();
        doc.destroy();
      },
    };
  }

  if (kind === 'peer') {
    const provider = new WebsocketProvider(wsBase, board, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    const synced = new Promise<void>((resolve) => {
      if (provider.synced) resolve();
      const onSync = (isSynced: boolean) => {
        if (!isSynced) return;
        provider.off('sync', onSync);
        resolve();
      };
      provider.on('sync', onSync);
    });
    return {
      kind,
      doc,
      awareness: provider.awareness,
      synced: withTimeout(synced, timeoutMs, `peer ${board}`),
      mute() {
        const ws = provider.ws as unknown as { onmessage: ((event: unknown) => void) | null } | null;
        // Keep the provider's liveness check fed, so it does not reconnect.
        if (ws) ws.onmessage = () => (provider.wsLastMessageReceived = Date.now());
      },
      destroy() {
        provider.destroy();
        doc.destroy();
      },
    };
  }

  // relay
  if (options.initialState) Y.applyUpdate(doc, options.initialState, REMOTE);
  const awareness = new Awareness(doc);
  const socket = new WebSocket(`${wsBase}/${board}`);
  socket.binaryType = 'nodebuffer';
  const frame = (type: number, payload: Uint8Array) => {
    if (socket.readyState !== WebSocket.OPEN) return;
    const message = new Uint8Array(payload.length + 1);
    message[0] = type;
    message.set(payload, 1);
    socket.send(message);
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE) frame(RELAY_UPDATE, update);
  };
  const onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    if (origin !== REMOTE) frame(RELAY_AWARENESS, encodeAwarenessUpdate(awareness, added.concat(updated, removed)));
  };
  doc.on('update', onUpdate);
  awareness.on('update', onAwareness);
  let muted = false;
  socket.on('message', (data: Buffer) => {
    if (muted) return;
    const payload = new Uint8Array(data.buffer, data.byteOffset + 1, data.byteLength - 1);
    if (data[0] === RELAY_UPDATE) Y.applyUpdate(doc, payload, REMOTE);
    else if (data[0] === RELAY_AWARENESS) applyAwarenessUpdate(awareness, payload, REMOTE);
  });
  const synced = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    kind,
    doc,
    awareness,
    synced: withTimeout(synced, timeoutMs, `relay ${board}`),
    mute() {
      muted = true;
    },
    destroy() {
      doc.off('update', onUpdate);
      awareness.destroy();
      socket.close();
      doc.destroy();
    },
  };
}
