/**
 * The RELAY: a raw `ws` fan-out, the physical limit of this machine and transport. Every
 * binary message from a socket goes unchanged to every other socket on the same path
 * (room); nothing is parsed, kept or merged.
 */
import type { WebSocket } from 'ws';
import { listenForSockets } from './bareSocketServer.ts';
import { serveSideChannel } from './sideChannel.ts';

const rooms = new Map<string, Set<WebSocket>>();

const port = await listenForSockets((socket, request) => {
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

serveSideChannel(port, {
  docInfo: ({ name }: { name: string }) => {
    const room = rooms.get(`/${name}`);
    return { loaded: !!room, connections: room?.size ?? 0 };
  },
});
