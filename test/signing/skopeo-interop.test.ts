import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRegistryClient, type RegistryClient } from '../../server/src/node/registry';
import { OCI_MANIFEST } from '../../server/src/node/registry/media-types';
import {
  COSIGN_SIGNATURE_ANNOTATION,
  buildSignatureManifest,
  decryptPrivateKey,
  parsePublicKey,
  parseSignatureManifest,
  signArtifact,
  signatureLayer,
  signatureTag,
  verifyArtifact,
} from '../../server/src/node/signing';
import { ensureCliBuilt, runCli } from '../cli/cli-harness';
import { pushArtifact } from '../registry/artifact';
import { skipUnlessRequired } from '../support/real-client';
import { registryUnavailable, startRegistry, type RunningRegistry } from '../support/registry';

// Interop both ways with containers/image's own sigstore code (skopeo 1.9.3 rebuilt from Debian sources
// with sigstore switched back on; .ci/run builds it): a bundle signed by Bulwark is accepted by skopeo's
// policy.json `sigstoreSigned` check, and one signed by skopeo with a key from `bulwark policy keygen` is
// accepted by Bulwark. Then every tampering is applied to both kinds of signature and both verifiers
// must refuse it: a changed payload, a changed signature, a signature of another digest, a re-pushed tag.

const SKOPEO = process.env.BULWARK_SKOPEO_SIGSTORE ?? '/opt/skopeo-sigstore';
const PASSWORD = 'interop-pw-1';

type Signer = 'bulwark' | 'skopeo';
type Tamper = 'payload' | 'signature' | 'digest' | 'repushed-tag';

describe('signing: interop with skopeo (containers/image sigstore), both ways', function () {
  this.timeout(300_000);
  let registry: RunningRegistry;
  let client: RegistryClient;
  let work: string;
  let keyDir: string;
  let privateKey: crypto.KeyObject;
  let publicKey: crypto.KeyObject;

  before(async function () {
    const missing = registryUnavailable() ?? (fs.existsSync(SKOPEO) ? undefined : `skopeo with sigstore not found at ${SKOPEO} (bash ../shared/tools/skopeo-sigstore/build.sh ${SKOPEO}, or set BULWARK_SKOPEO_SIGSTORE)`);
    if (missing) skipUnlessRequired(this, missing);
    ensureCliBuilt();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-interop-'));
    keyDir = path.join(work, 'keys');
    const keygen = runCli(['policy', 'keygen', '--out', keyDir], { env: { BULWARK_KEY_PASSWORD: PASSWORD, COSIGN_PASSWORD: undefined } });
    assert.equal(keygen.status, 0, keygen.stderr);
    privateKey = await decryptPrivateKey(fs.readFileSync(path.join(keyDir, 'bulwark.key'), 'utf8'), PASSWORD);
    publicKey = parsePublicKey(fs.readFileSync(path.join(keyDir, 'bulwark.pub'), 'utf8'));
    registry = await startRegistry();
    client = createRegistryClient(registry.host, { dockerConfigDir: false });
    fs.mkdirSync(path.join(work, 'registries.d'));
    fs.writeFileSync(path.join(work, 'registries.d', 'bulwark.yaml'), `docker:\n  "${registry.host}":\n    use-sigstore-attachments: true\n`);
    const trust = { type: 'sigstoreSigned', keyPath: path.join(keyDir, 'bulwark.pub'), signedIdentity: { type: 'matchRepository' } };
    fs.writeFileSync(path.join(work, 'policy.json'), JSON.stringify({ default: [{ type: 'reject' }], transports: { docker: { [registry.host]: [trust] } } }));
    fs.writeFileSync(path.join(work, 'accept.json'), JSON.stringify({ default: [{ type: 'insecureAcceptAnything' }] }));
    fs.writeFileSync(path.join(work, 'passphrase'), `${PASSWORD}\n`, { mode: 0o600 });
  });
  after(async () => {
    await registry?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  function skopeo(args: string[]): { status: number | null; output: string } {
    const run = spawnSync(SKOPEO, ['--registries.d', path.join(work, 'registries.d'), ...args], { encoding: 'utf8', timeout: 120_000 });
    if (run.error) throw run.error;
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  }

  /** skopeo's verification: copying out of the registry under the sigstoreSigned policy. */
  function skopeoVerifies(repo: string, tag: string): { status: number | null; output: string } {
    const out = fs.mkdtempSync(path.join(work, 'copy-'));
    try {
      return skopeo(['--policy', path.join(work, 'policy.json'), 'copy', '--src-tls-verify=false', `docker://${registry.host}/${repo}:${tag}`, `dir:${out}`]);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }

  async function signWith(signer: Signer, repo: string, tag: string, digest: string): Promise<void> {
    if (signer === 'bulwark') {
      await signArtifact(client, repo, digest, privateKey, `${registry.host}/${repo}`);
      return;
    }
    const image = `docker://${registry.host}/${repo}:${tag}`;
    const run = skopeo(['--policy', path.join(work, 'accept.json'), 'copy', '--src-tls-verify=false', '--dest-tls-verify=false', '--sign-by-sigstore-private-key', path.join(keyDir, 'bulwark.key'), '--sign-passphrase-file', path.join(work, 'passphrase'), image, image]);
    assert.equal(run.status, 0, run.output);
    assert.equal((await client.headManifest(repo, tag))?.digest, digest, 'skopeo copy kept the digest');
  }

  /** Rewrites the first signature layer of `digest`'s .sig manifest (blobs pushed), keeping the others. */
  async function rewriteFirstSignature(repo: string, digest: string, change: (payload: Buffer, signature: string) => { payload: Buffer; signature: string }): Promise<void> {
    const stored = await client.getManifest(repo, signatureTag(digest));
    const parsed = parseSignatureManifest(stored!.bytes);
    assert.ok(parsed.ok);
    const [first, ...rest] = parsed.manifest.signatures;
    const changed = change(await client.getBlob(repo, first), first.signature);
    await client.putBlob(repo, changed.payload);
    const { manifest, config } = buildSignatureManifest({ ...parsed.manifest, layers: rest, signatures: rest }, signatureLayer(changed.payload, changed.signature));
    await client.putBlob(repo, config);
    await client.putManifest(repo, signatureTag(digest), manifest, OCI_MANIFEST);
  }

  for (const signer of ['bulwark', 'skopeo'] as const) {
    it(`a bundle signed by ${signer} is accepted by both skopeo and bulwark (API and CLI)`, async () => {
      const repo = `interop/${signer}-valid`;
      const { digest } = await pushArtifact(client, repo, 'v1', `${signer}-valid`);
      await signWith(signer, repo, 'v1', digest);
      const stored = parseSignatureManifest((await client.getManifest(repo, signatureTag(digest)))!.bytes);
      assert.ok(stored.ok);
      assert.equal(stored.manifest.signatures.length, 1);
      assert.ok(stored.manifest.signatures[0].annotations?.[COSIGN_SIGNATURE_ANNOTATION]);

      const bySkopeo = skopeoVerifies(repo, 'v1');
      assert.equal(bySkopeo.status, 0, bySkopeo.output);
      const ours = await verifyArtifact(client, repo, digest, publicKey);
      assert.ok(ours.verified, JSON.stringify(ours));
      assert.equal(ours.signature.payload.dockerReference, signer === 'skopeo' ? `${registry.host}/${repo}:v1` : `${registry.host}/${repo}`);
      if (signer === 'skopeo') assert.match(ours.signature.payload.creator ?? '', /^containers\/image /);
      const cli = runCli(['policy', 'verify', `${registry.host}/${repo}:v1`, '--key', path.join(keyDir, 'bulwark.pub')]);
      assert.equal(cli.status, 0, cli.stderr);
      assert.equal(cli.stdout, `Verified ${registry.host}/${repo}@${digest}\nSignature 1, for ${ours.signature.payload.dockerReference}\n`);
    });

    const described: Record<Tamper, string> = { payload: 'a tampered payload', signature: 'a tampered signature', digest: "another digest's signature", 'repushed-tag': 'a re-pushed tag' };
    const tampers: [Tamper, RegExp, RegExp][] = [
      ['payload', /invalid signature when validating ASN\.1 encoded signature/, /signature 1: the signature does not verify with the given public key$/],
      ['signature', /invalid signature when validating ASN\.1 encoded signature/, /signature 1: the signature does not verify with the given public key$/],
      ['digest', /Signature for digest sha256:[0-9a-f]{64} does not match/, /signature 1: the payload signs sha256:[0-9a-f]{64}, but the manifest served is sha256:[0-9a-f]{64}$/],
      ['repushed-tag', /A signature was required, but no signature exists/, /is not signed \(no sha256-[0-9a-f]{64}\.sig in the repository\)$/],
    ];
    for (const [tamper, skopeoSays, bulwarkSays] of tampers) {
      it(`${described[tamper]} (signed by ${signer}) is refused by both`, async () => {
        const repo = `interop/${signer}-${tamper}`;
        const v1 = await pushArtifact(client, repo, 'v1', `${signer}-${tamper}-v1`);
        await signWith(signer, repo, 'v1', v1.digest);
        let tag = 'v1';
        let digest = v1.digest;
        if (tamper === 'payload') {
          // Same signature, payload naming another repository: still valid JSON, no longer what was signed.
          await rewriteFirstSignature(repo, v1.digest, (payload, signature) => ({ payload: Buffer.from(payload.toString().replace(`/${repo}`, `/${repo}-x`)), signature }));
        } else if (tamper === 'signature') {
          await rewriteFirstSignature(repo, v1.digest, (payload, signature) => {
            const der = Buffer.from(signature, 'base64');
            der[der.length - 1] ^= 0x01;
            return { payload, signature: der.toString('base64') };
          });
        } else if (tamper === 'digest') {
          // Other content under another tag, carrying v1's genuine signature.
          const v2 = await pushArtifact(client, repo, 'v2', `${signer}-${tamper}-v2`);
          await client.putManifest(repo, signatureTag(v2.digest), (await client.getManifest(repo, signatureTag(v1.digest)))!.bytes, OCI_MANIFEST);
          [tag, digest] = ['v2', v2.digest];
        } else {
          digest = (await pushArtifact(client, repo, 'v1', `${signer}-${tamper}-evil`)).digest;
        }
        assert.ok(digest !== v1.digest || tamper === 'payload' || tamper === 'signature');

        const bySkopeo = skopeoVerifies(repo, tag);
        assert.notEqual(bySkopeo.status, 0, `skopeo accepted a tampered ${tamper}:\n${bySkopeo.output}`);
        assert.match(bySkopeo.output, skopeoSays);
        const ours = await verifyArtifact(client, repo, digest, publicKey);
        assert.equal(ours.verified, false);
        if (!ours.verified) assert.match(ours.message, bulwarkSays);
        const cli = runCli(['policy', 'verify', `${registry.host}/${repo}:${tag}`, '--key', path.join(keyDir, 'bulwark.pub')]);
        assert.equal(cli.status, 1, cli.stderr);
        assert.match(cli.stderr, /^bulwark: verification failed: /);
        assert.match(cli.stderr.trimEnd(), bulwarkSays);
      });
    }
  }
});
