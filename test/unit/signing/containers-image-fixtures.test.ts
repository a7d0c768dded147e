import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  SIMPLE_SIGNING_MEDIA_TYPE,
  buildPayload,
  checkSimpleSigning,
  generateCosignKeyPair,
  parsePublicKey,
  type SignatureCheck,
} from '../../../server/src/node/signing';
import { COSIGN_SIGNATURE_ANNOTATION } from '../../../server/src/node/signing/signature-manifest';
import { skipUnlessRequired } from '../../support/real-client';

// Real signatures made by other tools: Debian's golang-github-containers-image-dev ships the fixtures of
// containers/image's own sigstore tests — one signature made by cosign, one by skopeo (with a tag in its
// docker-reference and creator/timestamp), and negatives. Our verifier (checkSimpleSigning, the same
// function verifyArtifact runs per layer) must agree with containers/image on every one of them.

const FIXTURES = process.env.BULWARK_CONTAINERS_IMAGE_FIXTURES ?? '/usr/share/gocode/src/github.com/containers/image/signature/fixtures';

/** A `dir:` transport sigstore signature: "\0sigstore-json\n" then {mimeType, payload (base64), annotations}. */
interface DirSignature {
  readonly mimeType: string;
  readonly payload: Buffer;
  readonly annotations: Record<string, string>;
}

function readDirSignature(file: string): DirSignature {
  const bytes = fs.readFileSync(file);
  const prefix = Buffer.from('\0sigstore-json\n');
  assert.ok(bytes.subarray(0, prefix.length).equals(prefix), `${file} is a sigstore signature`);
  const doc = JSON.parse(bytes.subarray(prefix.length).toString('utf8')) as { mimeType: string; payload: string; annotations: Record<string, string> };
  return { mimeType: doc.mimeType, payload: Buffer.from(doc.payload, 'base64'), annotations: doc.annotations };
}

/** Every signature-N of a fixture image checked as verifyArtifact checks layers (non-simplesigning ones are passed over). */
function verifyDirImage(name: string, keys: crypto.KeyObject[]): { accepted: SignatureCheck[]; rejected: string[]; served: string } {
  const dir = path.join(FIXTURES, name);
  const served = `sha256:${crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, 'manifest.json'))).digest('hex')}`;
  const accepted: SignatureCheck[] = [];
  const rejected: string[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => /^signature-\d+$/.test(f)).sort()) {
    const sig = readDirSignature(path.join(dir, file));
    if (sig.mimeType !== SIMPLE_SIGNING_MEDIA_TYPE) continue;
    const check = checkSimpleSigning(sig.payload, sig.annotations[COSIGN_SIGNATURE_ANNOTATION] ?? '', keys, served);
    if ('reason' in check) rejected.push(`${file}: ${check.reason}`);
    else accepted.push(check);
  }
  return { accepted, rejected, served };
}

describe('signing: interop with containers/image fixtures (cosign- and skopeo-made signatures)', function () {
  let cosignPub: crypto.KeyObject;
  before(function () {
    if (!fs.existsSync(path.join(FIXTURES, 'dir-img-cosign-valid'))) {
      skipUnlessRequired(this, `containers/image fixtures not found at ${FIXTURES} (apt-get install golang-github-containers-image-dev)`);
    }
    cosignPub = parsePublicKey(fs.readFileSync(path.join(FIXTURES, 'cosign.pub'), 'utf8'));
  });

  it('accepts the signature made by real cosign, whose payload is byte-identical to ours', () => {
    const result = verifyDirImage('dir-img-cosign-valid', [cosignPub]);
    assert.deepEqual(result.rejected, []);
    assert.equal(result.accepted.length, 1);
    assert.deepEqual(result.accepted[0], { payload: { dockerReference: '192.168.64.2:5000/cosign-signed-single-sample', manifestDigest: result.served }, keyIndex: 0 });
    const cosignPayload = readDirSignature(path.join(FIXTURES, 'dir-img-cosign-valid', 'signature-1')).payload;
    assert.equal(buildPayload('192.168.64.2:5000/cosign-signed-single-sample', result.served).toString(), cosignPayload.toString());
  });

  it('accepts the signature made by skopeo (tagged reference, creator, timestamp)', () => {
    const result = verifyDirImage('dir-img-cosign-valid-with-tag', [cosignPub]);
    assert.deepEqual(result.rejected, []);
    assert.deepEqual(result.accepted, [
      { payload: { dockerReference: '192.168.64.2:5000/skopeo-signed:tag', manifestDigest: result.served, creator: 'containers/image 5.21.2-dev', timestamp: 1657296609 }, keyIndex: 0 },
    ]);
  });

  it('accepts two valid signatures, and one valid beside one by an unknown key', () => {
    assert.equal(verifyDirImage('dir-img-cosign-valid-2', [cosignPub]).accepted.length, 2);
    const mixed = verifyDirImage('dir-img-cosign-mixed', [cosignPub]);
    assert.equal(mixed.accepted.length, 1);
    assert.deepEqual(mixed.rejected, ['signature-1: the signature does not verify with the given public key']);
  });

  it('rejects the signature when the manifest was modified', () => {
    const result = verifyDirImage('dir-img-cosign-modified-manifest', [cosignPub]);
    assert.equal(result.accepted.length, 0);
    assert.deepEqual(result.rejected, [
      `signature-1: the payload signs sha256:634a8f35b5f16dcf4aaa0822adc0b1964bb786fca12f6831de8ddc45e5986a00, but the manifest served is ${result.served}`,
    ]);
  });

  it('rejects the signature over a different (schema 1) manifest', () => {
    const result = verifyDirImage('dir-img-cosign-manifest-digest-error', [cosignPub]);
    assert.equal(result.accepted.length, 0);
    assert.match(result.rejected[0] ?? '', /the payload signs sha256:634a8f35.*but the manifest served is sha256:dc6d2c1a/);
  });

  it('rejects the signature made with another key, and the valid ones under a key of ours', async () => {
    const unknown = readDirSignature(path.join(FIXTURES, 'unknown-cosign-key.signature'));
    const check = checkSimpleSigning(unknown.payload, unknown.annotations[COSIGN_SIGNATURE_ANNOTATION], [cosignPub], 'sha256:634a8f35b5f16dcf4aaa0822adc0b1964bb786fca12f6831de8ddc45e5986a00');
    assert.deepEqual(check, { reason: 'the signature does not verify with the given public key' });
    const ours = parsePublicKey((await generateCosignKeyPair('pw')).publicKeyPem);
    for (const name of ['dir-img-cosign-valid', 'dir-img-cosign-valid-with-tag']) {
      const result = verifyDirImage(name, [ours]);
      assert.equal(result.accepted.length, 0, name);
      assert.deepEqual(result.rejected, ['signature-1: the signature does not verify with the given public key']);
    }
    // With both keys trusted the fixture verifies under the second.
    assert.equal((verifyDirImage('dir-img-cosign-valid', [ours, cosignPub]).accepted[0] as { keyIndex: number }).keyIndex, 1);
  });

  it('passes over an attachment that is not a simplesigning payload, even with a valid-looking annotation', () => {
    const result = verifyDirImage('dir-img-cosign-other-attachment', [cosignPub]);
    assert.deepEqual(result, { accepted: [], rejected: [], served: result.served });
    const other = readDirSignature(path.join(FIXTURES, 'dir-img-cosign-other-attachment', 'signature-1'));
    assert.deepEqual(checkSimpleSigning(other.payload, other.annotations[COSIGN_SIGNATURE_ANNOTATION], [cosignPub], result.served), {
      reason: 'the signature does not verify with the given public key',
    });
  });
});
