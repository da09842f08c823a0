import WebSocket from 'ws';
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';

/**
 * A board connection from Node, standing in for something the browser cannot do by
 * clicking: a newer app version that has already moved the board to a newer schema.
 */
export async function connectFromNode(baseURL: string, boardId: string, token: string) {
  const doc = new Y.Doc();
  const websocketProvider = new HocuspocusProviderWebsocket({ url: `${baseURL.replace(/^http/, 'ws')}/collab`, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider, name: boardId, document: doc, token });
  // With an explicit websocket provider, nothing connects until attach().
  provider.attach();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Node client did not sync')), 10_000);
    provider.on('synced', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return {
    doc,
    async close() {
      provider.destroy();
      websocketProvider.destroy();
      doc.destroy();
    },
  };
}
