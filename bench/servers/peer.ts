/**
 * The PEER: a bare y-websocket server (@y/websocket-server's own setupWSConnection, no
 * persistence, as its bin/server.js runs it), plus the same measuring side channel as
 * ours. One difference from its bin: it uses the project's ws 8 (the package pins ws 6
 * for its CLI), so all three servers share one WebSocket implementation.
 */
import * as Y from 'yjs';
import { docs, setupWSConnection } from '@y/websocket-server/utils';
import { listenForSockets } from './bareSocketServer.ts';
import { serveSideChannel } from './sideChannel.ts';

const port = await listenForSockets(setupWSConnection);

serveSideChannel(port, {
  docInfo: ({ name, state }: { name: string; state?: boolean }) => {
    const doc = docs.get(name);
    if (!doc) return { loaded: false, documents: docs.size };
    return {
      loaded: true,
      connections: doc.conns.size,
      positions: doc.getMap('positions').size,
      stateBytes: state ? Y.encodeStateAsUpdate(doc).length : undefined,
      documents: docs.size,
    };
  },
});
