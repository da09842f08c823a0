import type { Hocuspocus } from '@hocuspocus/server';
import type { FastifyBaseLogger } from 'fastify';
import { WebSocket } from 'ws';
import { CloseCodes } from '../../shared/collabProtocol.ts';
import type { SocketFastPath } from './socketFastPath.ts';

/**
 * The server's side of a live connection. Hocuspocus encodes a broadcast once and hands the
 * same Uint8Array to every connection's send; ws wraps a Uint8Array that is not a Buffer in a
 * new Buffer on every send. This wraps it once per message instead (remembered until the
 * broadcast, which sends synchronously, is over), so a broadcast to 50 people makes one
 * wrapper, not 50 — less garbage per edit, fewer collector pauses (measured with ws 8:
 * ~15–23 KB of heap per 50 sends of a Uint8Array, ~8–10 KB of a Buffer). What goes on the
 * wire is unchanged.
 */
export class LiveSocket extends WebSocket {
  private static lastMessage: Uint8Array | null = null;
  private static lastBuffer: Buffer | null = null;

  override send(data: unknown, ...rest: unknown[]): void {
    if (data instanceof Uint8Array && !Buffer.isBuffer(data)) {
      if (data !== LiveSocket.lastMessage) {
        // Forgotten once this synchronous run is over, so no message is kept alive by it.
        if (LiveSocket.lastMessage === null) queueMicrotask(LiveSocket.forget);
        LiveSocket.lastMessage = data;
        LiveSocket.lastBuffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      }
      data = LiveSocket.lastBuffer;
    }
    (super.send as (...args: unknown[]) => void)(data, ...rest);
  }

  private static forget() {
    LiveSocket.lastMessage = null;
    LiveSocket.lastBuffer = null;
  }
}

/**
 * Sets the largest frame ws accepts on this socket from now on. ws has one maxPayload per
 * server; its receiver keeps the value in a private field. If a ws upgrade renames it, this
 * does nothing and the unauthenticated-memory test in collabBudgets.test.ts fails.
 */
function setReceiverMaxPayload(ws: WebSocket, bytes: number) {
  const receiver = (ws as unknown as { _receiver?: { _maxPayload?: number } })._receiver;
  if (receiver && typeof receiver._maxPayload === 'number') receiver._maxPayload = bytes;
}

export interface LiveSocketOptions {
  hocuspocus: Hocuspocus;
  fastPath: SocketFastPath;
  log: FastifyBaseLogger;
  /** The largest frame of an authenticated socket. */
  maxPayload: number;
  /** The largest frame before a socket has authenticated. */
  unauthenticatedBytes: number;
  /** How long a socket may take to authenticate. */
  authTimeoutMs: number;
}

/**
 * Accepted sockets, handed to Hocuspocus with their messages going through the fast path
 * first. Until a socket has authenticated, it may send only small messages (ws's receiver
 * enforces maxPayload as a frame's header arrives, before buffering it) and has
 * authTimeoutMs to do so: 200 sockets that never log in hold a few MB, not GBs.
 */
export class LiveSockets {
  private readonly unauthenticated = new WeakMap<WebSocket, NodeJS.Timeout>();

  constructor(private readonly options: LiveSocketOptions) {}

  accept(socket: WebSocket, request: Request) {
    const { hocuspocus, fastPath, log } = this.options;
    this.limitUntilAuthenticated(socket);
    const connection = hocuspocus.handleConnection(socket, request, { liveSocket: socket });
    socket.once('close', () => clearTimeout(this.unauthenticated.get(socket)));
    socket.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
      const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
      const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      if (!fastPath.handleDirectly(socket, connection, bytes)) connection.handleMessage(bytes);
    });
    socket.on('error', (error) => {
      log.error({ err: error }, 'live connection error');
      socket.terminate();
    });
    socket.on('close', (code: number, reason: Buffer) => connection.handleClose({ code, reason: reason.toString() }));
  }

  /** The socket has authenticated a connection: lift the pre-authentication limits. */
  authenticated(ws: WebSocket) {
    const timer = this.unauthenticated.get(ws);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.unauthenticated.delete(ws);
    setReceiverMaxPayload(ws, this.options.maxPayload);
  }

  private limitUntilAuthenticated(ws: WebSocket) {
    setReceiverMaxPayload(ws, this.options.unauthenticatedBytes);
    const timer = setTimeout(() => {
      ws.close(CloseCodes.AUTH_TIMEOUT.code, CloseCodes.AUTH_TIMEOUT.reason);
      // A peer that does not answer the close handshake is cut off.
      setTimeout(() => ws.terminate(), 1000).unref();
    }, this.options.authTimeoutMs);
    timer.unref();
    this.unauthenticated.set(ws, timer);
  }
}
