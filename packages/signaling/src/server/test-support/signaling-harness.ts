import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import type { SignalingErrorPayload } from '../../errors.ts';
import type { SignalingServerOptions } from '../signaling-options.ts';
import { attachSignaling, type SignalingServer } from '../signaling-server.ts';

/** A real signaling server on 127.0.0.1 and a free port, and raw clients for it. */
export interface SignalingHarness {
  signaling: SignalingServer;
  url: string;
  /** A raw socket.io client; `headers` are sent with its handshake (Origin, Host, …). */
  connect(headers?: Record<string, string>): Socket;
  /** Closes every client, then the server. */
  close(): Promise<void>;
}

export async function startSignaling(
  options: Partial<SignalingServerOptions> = {},
): Promise<SignalingHarness> {
  const http = createServer();
  const signaling = attachSignaling(http, options);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const sockets: Socket[] = [];
  return {
    signaling,
    url,
    connect(headers = {}) {
      const socket = io(url, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: headers,
      });
      sockets.push(socket);
      return socket;
    },
    async close() {
      for (const socket of sockets) socket.disconnect();
      await signaling.close();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}

/** Resolves once the socket is connected; rejects with the server's typed refusal. */
export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error: Error & { data?: SignalingErrorPayload }) =>
      reject(error.data ?? error),
    );
  });
}

export function nextError(socket: Socket): Promise<SignalingErrorPayload> {
  return new Promise((resolve) => socket.once('error', resolve));
}
