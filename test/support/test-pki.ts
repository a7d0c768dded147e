import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

// Test certificates made with the openssl CLI: a CA and a server certificate for 127.0.0.1/localhost
// (the registry's TLS), and a self-signed signing certificate for the token issuer (the registry's
// `rootcertbundle`). Keys are P-256; everything lives in the test's temporary folder.

export interface TestCa {
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
}

export interface SigningCert {
  readonly certFile: string;
  readonly keyFile: string;
  /** The certificate as DER, for the JWT `x5c` header. */
  readonly der: Buffer;
  readonly keyPem: string;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

export function makeTestCa(dir: string, hosts: { ips: string[]; dns: string[] } = { ips: ['127.0.0.1'], dns: ['localhost'] }): TestCa {
  fs.mkdirSync(dir, { recursive: true });
  openssl(['req', '-x509', ...EC, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=Bulwark Test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
  openssl(['req', ...EC, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=bulwark-test-registry'], dir);
  const san = [...hosts.ips.map((ip) => `IP:${ip}`), ...hosts.dns.map((d) => `DNS:${d}`)].join(',');
  fs.writeFileSync(path.join(dir, 'server.ext'), `subjectAltName=${san}\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n`);
  openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '2', '-extfile', 'server.ext'], dir);
  return { caFile: path.join(dir, 'ca.crt'), certFile: path.join(dir, 'server.crt'), keyFile: path.join(dir, 'server.key') };
}

export function makeSigningCert(dir: string, commonName: string): SigningCert {
  fs.mkdirSync(dir, { recursive: true });
  openssl(['req', '-x509', ...EC, '-keyout', 'signing.key', '-out', 'signing.crt', '-days', '2', '-subj', `/CN=${commonName}`], dir);
  const certFile = path.join(dir, 'signing.crt');
  const keyFile = path.join(dir, 'signing.key');
  const pem = fs.readFileSync(certFile, 'utf8');
  const der = Buffer.from(pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, ''), 'base64');
  return { certFile, keyFile, der, keyPem: fs.readFileSync(keyFile, 'utf8') };
}
