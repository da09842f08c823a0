import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';

/** Hocuspocus message types on the wire (see @hocuspocus/server types.ts). */
const MessageType = { Sync: 0, Awareness: 1, Auth: 2, Stateless: 5, Close: 7, SyncStatus: 8 } as const;
const AuthMessageType = { Token: 0, PermissionDenied: 1, Authenticated: 2 } as const;

export interface IncomingFrame {
  documentName: string;
  type: number;
  /** For auth replies: 'authenticated:<scope>' or 'denied:<reason>'; for stateless and close: the text. */
  text?: string;
  /** For sync frames: 0 step 1, 1 step 2, 2 update (y-protocols' message types). */
  syncType?: number;
  /** For sync status frames (type 8), the server's answer to an update: applied or refused. */
  saved?: boolean;
}

/**
 * A hand-made collaboration client that speaks the wire protocol frame by frame, so
 * tests can send what no well-behaved provider would: updates from a viewer, a sync
 * step 2 out of turn, awareness for someone else's client id, unauthorised commands.
 */
export class RawCollabClient {
  readonly frames: IncomingFrame[] = [];
  /** Resolves with the close code and reason once the socket has closed, from either side. */
  readonly closed: Promise<{ code: number; reason: string }>;
  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => this.frames.push(parseFrame(new Uint8Array(data))));
    this.closed = new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static open(baseUrl: string, headers: Record<string, string> = {}): Promise<RawCollabClient> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/collab`, { headers });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new RawCollabClient(socket)));
      socket.once('unexpected-response', (_request, response) => reject(new Error(`upgrade refused: ${response.statusCode}`)));
      socket.once('error', reject);
    });
  }

  private frame(documentName: string, type: number, write: (encoder: encoding.Encoder) => void) {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, documentName);
    encoding.writeVarUint(encoder, type);
    write(encoder);
    this.socket.send(encoding.toUint8Array(encoder));
  }

  /** Authenticates and resolves with 'authenticated:<scope>' or 'denied:<reason>'. */
  async authenticate(documentName: string, token: string): Promise<string> {
    const seen = this.frames.length;
    this.frame(documentName, MessageType.Auth, (e) => {
      encoding.writeVarUint(e, AuthMessageType.Token);
      encoding.writeVarString(e, token);
    });
    const reply = await this.waitFor((f) => f.type === MessageType.Auth, seen);
    return reply.text!;
  }

  syncStep1(documentName: string, doc: Y.Doc) {
    this.frame(documentName, MessageType.Sync, (e) => syncProtocol.writeSyncStep1(e, doc));
  }

  syncStep2(documentName: string, doc: Y.Doc) {
    this.frame(documentName, MessageType.Sync, (e) => syncProtocol.writeSyncStep2(e, doc));
  }

  update(documentName: string, update: Uint8Array) {
    this.frame(documentName, MessageType.Sync, (e) => syncProtocol.writeUpdate(e, update));
  }

  /** An awareness update claiming `clientId` with `state`, with a clock high enough to win over the real one. */
  awareness(documentName: string, clientId: number, state: Record<string, unknown>, clock = 1000) {
    const doc = new Y.Doc();
    doc.clientID = clientId;
    const awareness = new Awareness(doc);
    for (let i = 0; i < clock; i++) awareness.setLocalState({ ...state, i });
    awareness.setLocalState(state);
    this.frame(documentName, MessageType.Awareness, (e) => encoding.writeVarUint8Array(e, encodeAwarenessUpdate(awareness, [clientId])));
    awareness.destroy();
  }

  stateless(documentName: string, payload: string) {
    this.frame(documentName, MessageType.Stateless, (e) => encoding.writeVarString(e, payload));
  }

  async waitFor(match: (frame: IncomingFrame) => boolean, from = 0, timeoutMs = 3000): Promise<IncomingFrame> {
    const start = Date.now();
    for (;;) {
      const found = this.frames.slice(from).find(match);
      if (found) return found;
      if (Date.now() - start > timeoutMs) throw new Error('timed out waiting for a frame');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  close() {
    this.socket.close();
  }
}

function parseFrame(bytes: Uint8Array): IncomingFrame {
  const decoder = decoding.createDecoder(bytes);
  const documentName = decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type === MessageType.Auth) {
    const kind = decoding.readVarUint(decoder);
    const text = decoding.readVarString(decoder);
    return { documentName, type, text: kind === AuthMessageType.Authenticated ? `authenticated:${text}` : `denied:${text}` };
  }
  if (type === MessageType.Stateless || type === MessageType.Close) return { documentName, type, text: decoding.readVarString(decoder) };
  if (type === MessageType.Sync) return { documentName, type, syncType: decoding.readVarUint(decoder) };
  if (type === MessageType.SyncStatus) return { documentName, type, saved: decoding.readVarUint(decoder) === 1 };
  return { documentName, type };
}
