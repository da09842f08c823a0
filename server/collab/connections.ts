import type { Connection, Document } from '@hocuspocus/server';
import type { WebSocket } from 'ws';
import { encodeServerMessage } from '../../shared/collabProtocol.ts';
import type { Role } from '../../shared/session.ts';

/** What the server knows about a live connection, set when it authenticates. */
export interface ConnectionContext {
  /** The socket this connection came on (its budget state). */
  liveSocket?: WebSocket;
  role: Role;
  /** Hash of the token it used, so rotating a link drops exactly the connections that used the old one. */
  tokenHash: string;
}

export const contextOf = (connection: Connection) => connection.context as ConnectionContext;

/** Board connections one socket may carry (Hocuspocus multiplexes; our client uses one). */
export const MAX_BOARDS_PER_SOCKET = 8;

/**
 * Ends a connection over a budget: its last message was not applied. The close reason
 * tells our client to drop its local copy (see FRESH_COPY_REASONS); the socket is closed
 * too, so a client that ignores the close message stops being heard.
 */
export function closeForBudget(connection: Connection, close: { code: number; reason: string }) {
  connection.close(close);
  connection.webSocket.close(close.code, close.reason);
}

/** Per socket, its set-up document connections (one, unless a client multiplexes boards over one socket). */
export class SocketConnections {
  private readonly bySocket = new WeakMap<object, Connection[]>();

  /** The socket's set-up connections; undefined before its first one is set up. */
  of(socket: object): readonly Connection[] | undefined {
    return this.bySocket.get(socket);
  }

  /** True when the socket carries as many boards as it may. */
  full(socket: object | undefined): boolean {
    return (socket ? (this.bySocket.get(socket)?.length ?? 0) : 0) >= MAX_BOARDS_PER_SOCKET;
  }

  /** Remembers a set-up connection until it closes; then `onClosed` runs. */
  track(connection: Connection, onClosed: (document: Document, connection: Connection) => void) {
    let list = this.bySocket.get(connection.webSocket);
    if (!list) this.bySocket.set(connection.webSocket, (list = []));
    const connections = list;
    connections.push(connection);
    connection.onClose((document) => {
      connections.splice(connections.indexOf(connection) >>> 0, 1);
      onClosed(document, connection);
    });
  }
}

/** Tells the board's facilitators whether its store is failing (their storage warning). */
export function tellFacilitators(document: Document, failing: boolean) {
  const message = encodeServerMessage({ type: 'storage', failing });
  for (const connection of document.getConnections()) if (contextOf(connection).role === 'facilitator') connection.sendStateless(message);
}
