import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';

/**
 * Sends a STUN Binding request (RFC 5389) to `host`:`port` and resolves to the address the
 * server saw it come from (`127.0.0.1:54321`), or `undefined` without an answer in `timeoutMs`.
 */
export async function stunBinding(
  port: number,
  timeoutMs: number,
  host = '127.0.0.1',
): Promise<string | undefined> {
  const socket = createSocket('udp4');
  const transactionId = randomBytes(12);
  const request = Buffer.alloc(20);
  request.writeUInt16BE(0x0001, 0); // Binding request, no attributes
  request.writeUInt32BE(MAGIC_COOKIE, 4);
  transactionId.copy(request, 8);
  try {
    const answer = new Promise<Buffer | undefined>((resolve) => {
      socket.on('error', () => resolve(undefined)); // nothing listening yet, say
      socket.on('message', (message: Buffer) => {
        const isSuccess = message.length >= 20 && message.readUInt16BE(0) === 0x0101;
        if (isSuccess && message.subarray(8, 20).equals(transactionId)) resolve(message);
      });
    });
    socket.send(request, port, host);
    const timeout = new Promise<undefined>((resolve) => setTimeout(resolve, timeoutMs));
    const message = await Promise.race([answer, timeout]);
    return message && xorMappedAddress(message);
  } finally {
    socket.close();
  }
}

const MAGIC_COOKIE = 0x2112a442;

/** Reads the XOR-MAPPED-ADDRESS attribute (IPv4) of a Binding success response. */
function xorMappedAddress(message: Buffer): string | undefined {
  for (let at = 20; at + 4 <= message.length;) {
    const type = message.readUInt16BE(at);
    const length = message.readUInt16BE(at + 2);
    if (type === 0x0020 && length >= 8 && message[at + 5] === 0x01) {
      const port = message.readUInt16BE(at + 6) ^ (MAGIC_COOKIE >>> 16);
      const address = (message.readUInt32BE(at + 8) ^ MAGIC_COOKIE) >>> 0;
      return `${[24, 16, 8, 0].map((shift) => (address >>> shift) & 0xff).join('.')}:${port}`;
    }
    at += 4 + Math.ceil(length / 4) * 4; // attributes are padded to 4 bytes
  }
  return undefined;
}
