import { X509Certificate } from 'node:crypto';
import { get } from 'node:https';
import { describe, expect, test } from 'vitest';
import { startHub } from './hub.ts';
import { loadTlsCredentials, selfSignedCertificate } from './tls-certificate.ts';

describe('selfSignedCertificate', () => {
  test('names localhost, loopback and the given LAN addresses, for 30 days', async () => {
    const { cert } = await selfSignedCertificate(['192.168.1.20', 'hub.lan']);
    const x509 = new X509Certificate(cert);
    for (const name of [
      'DNS:localhost',
      'IP Address:127.0.0.1',
      'IP Address:192.168.1.20',
      'DNS:hub.lan',
    ]) {
      expect(x509.subjectAltName).toContain(name);
    }
    const days = (Date.parse(x509.validTo) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29);
    expect(days).toBeLessThanOrEqual(30);
  });
});

describe('loadTlsCredentials', () => {
  test('a missing certificate file is a clear error', async () => {
    await expect(
      loadTlsCredentials({ certFile: '/nowhere/cert.pem', keyFile: '/nowhere/key.pem' }, []),
    ).rejects.toThrow('Cannot read the TLS certificate /nowhere/cert.pem');
  });
});

describe('a hub with --https', () => {
  test('serves https, and the certificate verifies for 127.0.0.1', async () => {
    const tls = await selfSignedCertificate([]);
    const hub = await startHub({ port: 0, quiet: true, tls });
    try {
      expect(hub.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
      // Trust exactly this certificate: the request only succeeds if it matches the host.
      const body = await new Promise<string>((resolve, reject) => {
        get(new URL('/healthz', hub.url), { ca: tls.cert }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve(text));
        }).on('error', reject);
      });
      expect(JSON.parse(body)).toMatchObject({ ok: true });
    } finally {
      await hub.close();
    }
  });
});
