/**
 * The RELAY: a raw `ws` fan-out, the physical limit of this machine and transport. Every
 * binary message from a socket goes unchanged to every other socket on the same path
 * (room); nothing is parsed, kept or merged.
 */
import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { serveSideChannel } from './sideChannel.ts';

const port = Number(process.env.PORT);
const host = process.env.HOST ?? '127.0.0.1';
const rooms = new Map<string, Set<WebSocket>>();

const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' });
  response.end('okay');
});
wss.on('connection', (socket: WebSocket, request: http.IncomingMessage) => {
  const name = request.url ?? '/';
  let room = rooms.get(name);
  if (!room) rooms.set(name, (room = new Set()));
  room.add(socket);
  socket.on('message', (data, isBinary) => {
    for (const other of room) if (other !== socket && other.readyState === 1) other.send(data, { binary: isBinary });
  });
  socket.on('close', () => {
    room.delete(socket);
    if (room.size === 0) rooms.delete(name);
  });
});
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
await new Promise<void>((resolve) => server.listen(port, host, resolve));

process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));

serveSideChannel(port, {
  docInfo: ({ name }: { name: string }) => {
    const room = rooms.get(`/${name}`);
    return { loaded: !!room, connections: room?.size ?? 0 };
  },
});
