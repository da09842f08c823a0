/**
 * The PEER: a bare y-websocket server (@y/websocket-server's own setupWSConnection, no
 * persistence, as its bin/server.js runs it), plus the same measuring side channel as
 * ours. One difference from its bin: it uses the project's ws 8 (the package pins ws 6
 * for its CLI), so all three servers share one WebSocket implementation.
 */
import http from 'node:http';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { docs, setupWSConnection } from '@y/websocket-server/utils';
import { serveSideChannel } from './sideChannel.ts';

const port = Number(process.env.PORT);
const host = process.env.HOST ?? '127.0.0.1';

const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' });
  response.end('okay');
});
wss.on('connection', setupWSConnection);
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
await new Promise<void>((resolve) => server.listen(port, host, resolve));

process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));

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
