/**
 * The HTTP shell the two comparison servers (peer, relay) share, so that they differ only in
 * what they do with a socket: "okay" to plain requests, every upgrade handed to `onConnection`,
 * listening on env PORT/HOST, and a clean exit on SIGTERM/SIGINT.
 */
import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

export async function listenForSockets(onConnection: (socket: WebSocket, request: http.IncomingMessage) => void): Promise<number> {
  const port = Number(process.env.PORT);
  const host = process.env.HOST ?? '127.0.0.1';
  const wss = new WebSocketServer({ noServer: true });
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end('okay');
  });
  wss.on('connection', onConnection);
  server.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  process.on('SIGTERM', () => process.exit(0));
  process.on('SIGINT', () => process.exit(0));
  return port;
}
