/**
 * The anchor of the signaling bench, run as `node --import tsx plain-relay-server.ts`: plain
 * socket.io that forwards `relay { to, payload }` to the socket `to` and nothing else. No
 * rooms, no validation, no limits: what the hub's relay costs on top of socket.io itself.
 * Prints `listening PORT` once it is up.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { transports: ['websocket'], serveClient: false });
io.on('connection', (socket) => {
  socket.on('relay', (message: { to: string; payload: unknown }) => {
    io.to(message.to).emit('relay', { from: socket.id, payload: message.payload });
  });
});
http.listen(0, '127.0.0.1', () => {
  console.info(`listening ${(http.address() as AddressInfo).port}`);
});
