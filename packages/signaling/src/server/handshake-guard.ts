import type { Server, Socket } from 'socket.io';
import { signalingError, type SignalingErrorPayload } from '../errors.ts';
import type { ClientEvents, ServerEvents } from '../protocol.ts';
import { originRefusal, type OriginPolicy } from './origin-check.ts';

type SignalingIo = Server<ClientEvents, ServerEvents>;

/**
 * socket.io middleware run once per connection, before any event: the page's Host and Origin
 * must be allowed, and its address must not have too many connections open already. A refusal
 * reaches the page as `connect_error` with the typed error in `data`.
 */
export function handshakeGuard(
  io: SignalingIo,
  options: OriginPolicy & {
    maxConnectionsPerAddress: number;
    observer?: { refused(code: SignalingErrorPayload['code']): void };
  },
): (socket: Socket<ClientEvents, ServerEvents>, next: (error?: Error) => void) => void {
  return (socket, next) => {
    const refusal =
      originRefusal(socket.handshake.headers, options) ??
      connectionRefusal(io, socket.handshake.address, options.maxConnectionsPerAddress);
    if (!refusal) return next();
    options.observer?.refused(refusal.code);
    next(Object.assign(new Error(refusal.message), { data: refusal }));
  };
}

function connectionRefusal(
  io: SignalingIo,
  address: string,
  max: number,
): SignalingErrorPayload | undefined {
  // Counted from socket.io's own list of connected sockets, so nothing here can drift or leak.
  let open = 0;
  for (const socket of io.of('/').sockets.values()) {
    if (socket.handshake.address === address) open++;
  }
  if (open < max) return undefined;
  return signalingError(
    'too-many-connections',
    `Your network address already has ${max} connections open to this hub, the most it allows. Close some tabs and reload.`,
  );
}
