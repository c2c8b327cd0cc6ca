// A throwaway PKI for mutual-TLS tests (like `dockerd --tlsverify`), made with the openssl CLI
// (.ci/install-system.sh installs it): a CA, a server certificate for 127.0.0.1, a client
// certificate, and a second, unrelated CA with its own client certificate. Client folders use
// the DOCKER_CERT_PATH layout (ca.pem, cert.pem, key.pem).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Pki {
  /** For the server: its key and certificate, and the CA that client certificates must chain to. */
  server: { key: Buffer; cert: Buffer; ca: Buffer };
  /** Right CA, client certificate from that CA. */
  good: string;
  /** Right CA, no client certificate at all. */
  noClientCert: string;
  /** Right CA, a client certificate from the other CA (the server refuses it). */
  foreignClientCert: string;
  /** The other CA as ca.pem (the client refuses the server), the right client certificate. */
  wrongCa: string;
  /** The client key's PEM text: must never show up in any output. */
  clientKeyPem: string;
}

export function makePki(root: string): Pki {
  const d = join(root, 'pki');
  mkdirSync(d, { recursive: true });
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: d, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  for (const ca of ['ca', 'other-ca'])
    ssl('req', '-x509', ...ec, '-keyout', `${ca}-key.pem`, '-out', `${ca}.pem`, '-days', '1', '-subj', `/CN=${ca}`);
  writeFileSync(join(d, 'server.ext'), 'subjectAltName=IP:127.0.0.1\n');
  writeFileSync(join(d, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  const sign = (who: string, ext: string, ca: string) => {
    ssl('req', ...ec, '-keyout', `${who}-key.pem`, '-out', `${who}.csr`, '-subj', `/CN=${who}`);
    ssl(
      'x509',
      '-req',
      '-in',
      `${who}.csr`,
      '-CA',
      `${ca}.pem`,
      '-CAkey',
      `${ca}-key.pem`,
      '-CAcreateserial',
      '-out',
      `${who}-cert.pem`,
      '-days',
      '1',
      '-extfile',
      ext,
    );
  };
  sign('server', 'server.ext', 'ca');
  sign('client', 'client.ext', 'ca');
  sign('stranger', 'client.ext', 'other-ca');
  const read = (f: string) => readFileSync(join(d, f));
  const folder = (name: string, files: Record<string, string>): string => {
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true });
    for (const [to, from] of Object.entries(files)) writeFileSync(join(dir, to), read(from));
    return dir;
  };
  return {
    server: { key: read('server-key.pem'), cert: read('server-cert.pem'), ca: read('ca.pem') },
    good: folder('good', { 'ca.pem': 'ca.pem', 'cert.pem': 'client-cert.pem', 'key.pem': 'client-key.pem' }),
    noClientCert: folder('no-client-cert', { 'ca.pem': 'ca.pem' }),
    foreignClientCert: folder('foreign-client-cert', {
      'ca.pem': 'ca.pem',
      'cert.pem': 'stranger-cert.pem',
      'key.pem': 'stranger-key.pem',
    }),
    wrongCa: folder('wrong-ca', { 'ca.pem': 'other-ca.pem', 'cert.pem': 'client-cert.pem', 'key.pem': 'client-key.pem' }),
    clientKeyPem: read('client-key.pem').toString('utf8'),
  };
}
