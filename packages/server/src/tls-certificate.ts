import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { generate } from 'selfsigned';

/** A certificate and its private key, PEM-encoded. */
export interface TlsCredentials {
  cert: string;
  key: string;
}

/** Where `peerlab serve --https` gets its certificate: made on the spot, or your own files. */
export type TlsSource = { selfSigned: true } | { certFile: string; keyFile: string };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A self-signed certificate for this machine's names and addresses, valid for 30 days.
 * Browsers warn about it once per address; after that, phones and laptops on the same network
 * may use their cameras (which browsers only allow on https:// or localhost).
 */
export async function selfSignedCertificate(hosts: readonly string[]): Promise<TlsCredentials> {
  const names = [...new Set(['localhost', '127.0.0.1', '::1', ...hosts])];
  const pems = await generate([{ name: 'commonName', value: 'PeerLab hub' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 30 * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: names.map((name) =>
          isIP(name) ? { type: 7, ip: name } : { type: 2, value: name },
        ),
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

/** Reads or makes the certificate `source` asks for; unreadable files get a clear error. */
export async function loadTlsCredentials(
  source: TlsSource,
  hosts: readonly string[],
): Promise<TlsCredentials> {
  if ('selfSigned' in source) return selfSignedCertificate(hosts);
  const read = async (file: string, what: string) => {
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      throw new Error(`Cannot read the TLS ${what} ${file}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  };
  return {
    cert: await read(source.certFile, 'certificate'),
    key: await read(source.keyFile, 'key'),
  };
}
