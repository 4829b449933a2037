import { io, type Socket } from 'socket.io-client';

/** An error event as the signaling server sends it. */
export interface ErrorEvent {
  code: string;
  message: string;
  event?: string;
}

/**
 * A bare socket.io client that speaks to the hub without the PeerLab client: it can send what
 * a broken or hostile page would, and it records everything the server sends back.
 */
export async function connectRawSocket(url: string): Promise<{
  socket: Socket;
  received: { event: string; args: unknown[] }[];
  nextError: () => Promise<ErrorEvent>;
}> {
  const socket = io(url, { transports: ['websocket'], reconnection: false });
  const received: { event: string; args: unknown[] }[] = [];
  socket.onAny((event: string, ...args: unknown[]) => received.push({ event, args }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  const nextError = () => new Promise<ErrorEvent>((resolve) => socket.once('error', resolve));
  return { socket, received, nextError };
}
