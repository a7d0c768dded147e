import * as assert from 'node:assert/strict';
import {
  COSIGN_SIGNATURE_ANNOTATION,
  SIMPLE_SIGNING_MEDIA_TYPE,
  buildPayload,
  buildSignatureManifest,
  parsePayload,
  parseSignatureManifest,
  signatureLayer,
  signatureTag,
} from '../../../server/src/node/signing';
import { sha256Digest } from '../../../server/src/node/signing/signature-manifest';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const REF = '127.0.0.1:5000/policy/bundle';

describe('signing: simple-signing payload', () => {
  it('builds the exact bytes cosign writes', () => {
    assert.equal(
      buildPayload(REF, DIGEST).toString('utf8'),
      `{"critical":{"identity":{"docker-reference":"${REF}"},"image":{"docker-manifest-digest":"${DIGEST}"},"type":"cosign container image signature"},"optional":null}`,
    );
    assert.throws(() => buildPayload('a"b', DIGEST), /not a Docker reference/);
    assert.throws(() => buildPayload(REF, 'sha256:XYZ'), /not a manifest digest/);
  });

  it('parses a cosign payload and a skopeo one with creator and timestamp', () => {
    assert.deepEqual(parsePayload(buildPayload(REF, DIGEST)), { ok: true, payload: { dockerReference: REF, manifestDigest: DIGEST } });
    const skopeo = `{"critical":{"identity":{"docker-reference":"${REF}:v1"},"image":{"docker-manifest-digest":"${DIGEST}"},"type":"cosign container image signature"},"optional":{"creator":"containers/image 5.23.1","timestamp":1700000000,"other":[1]}}`;
    assert.deepEqual(parsePayload(Buffer.from(skopeo)), {
      ok: true,
      payload: { dockerReference: `${REF}:v1`, manifestDigest: DIGEST, creator: 'containers/image 5.23.1', timestamp: 1700000000 },
    });
  });

  const good = JSON.parse(buildPayload(REF, DIGEST).toString('utf8')) as { critical: Record<string, unknown>; optional: unknown };
  const cases: [string, string, RegExp][] = [
    ['an extra key in critical', JSON.stringify({ ...good, critical: { ...good.critical, extra: 1 } }), /critical has keys \[extra, identity, image, type\], expected exactly \[identity, image, type\]/],
    ['no optional', JSON.stringify({ critical: good.critical }), /payload has keys \[critical\]/],
    ['an extra top-level key', JSON.stringify({ ...good, more: null }), /payload has keys \[critical, more, optional\]/],
    ['another type', JSON.stringify({ ...good, critical: { ...good.critical, type: 'atomic container signature' } }), /type is "atomic container signature", expected "cosign container image signature"/],
    ['an extra key in image', JSON.stringify({ ...good, critical: { ...good.critical, image: { 'docker-manifest-digest': DIGEST, x: 1 } } }), /critical.image has keys/],
    ['an upper-case digest', JSON.stringify({ ...good, critical: { ...good.critical, image: { 'docker-manifest-digest': DIGEST.toUpperCase() } } }), /is not a valid digest/],
    ['a short digest', JSON.stringify({ ...good, critical: { ...good.critical, image: { 'docker-manifest-digest': 'sha256:abcd' } } }), /is not a valid digest/],
    ['a numeric reference', JSON.stringify({ ...good, critical: { ...good.critical, identity: { 'docker-reference': 5 } } }), /docker-reference is not a string/],
    ['a fractional timestamp', JSON.stringify({ ...good, optional: { timestamp: 1.5 } }), /timestamp is not an integer/],
    ['a string optional', JSON.stringify({ ...good, optional: 'x' }), /optional is neither null nor an object/],
    ['a duplicated digest key', buildPayload(REF, DIGEST).toString('utf8').replace('"image":{', `"image":{"docker-manifest-digest":"sha256:${'cd'.repeat(32)}",`), /duplicate key "docker-manifest-digest"/],
    ['trailing text', `${buildPayload(REF, DIGEST).toString('utf8')}x`, /unexpected text after the JSON value/],
  ];
  for (const [what, text, error] of cases) {
    it(`refuses a payload with ${what}`, () => {
      const parsed = parsePayload(Buffer.from(text));
      assert.equal(parsed.ok, false);
      if (!parsed.ok) assert.match(parsed.error, error);
    });
  }

  it('refuses a payload that is not UTF-8', () => {
    const parsed = parsePayload(Buffer.from([0x7b, 0xff, 0x7d]));
    assert.equal(parsed.ok, false);
  });
});

describe('signing: .sig manifest', () => {
  it('names the signature tag after the digest', () => {
    assert.equal(signatureTag(DIGEST), `sha256-${'ab'.repeat(32)}.sig`);
    assert.throws(() => signatureTag('sha512:00'), /not a sha256 manifest digest/);
  });

  it('builds cosign layout: OCI manifest, simplesigning layer with the signature annotation, config diff_ids', () => {
    const payload = buildPayload(REF, DIGEST);
    const layer = signatureLayer(payload, 'MEUCIQ==');
    const { manifest, config } = buildSignatureManifest(undefined, layer);
    const digest = sha256Digest(payload);
    assert.equal(
      config.toString(),
      `{"architecture":"","created":"0001-01-01T00:00:00Z","history":[{"created":"0001-01-01T00:00:00Z"}],"os":"","rootfs":{"type":"layers","diff_ids":["${digest}"]},"config":{}}`,
    );
    assert.equal(
      manifest.toString(),
      `{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","size":${config.length},"digest":"${sha256Digest(config)}"},` +
        `"layers":[{"mediaType":"${SIMPLE_SIGNING_MEDIA_TYPE}","size":${payload.length},"digest":"${digest}","annotations":{"${COSIGN_SIGNATURE_ANNOTATION}":"MEUCIQ=="}}]}`,
    );
    const parsed = parseSignatureManifest(manifest);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.manifest.signatures.map((s) => [s.index, s.digest, s.signature]), [[0, digest, 'MEUCIQ==']]);
  });

  it('appends to an existing manifest, keeps foreign layers and annotations, and does not add the same signature twice', () => {
    const first = signatureLayer(buildPayload(REF, DIGEST), 'AAAA');
    const foreign = { mediaType: 'text/plain', size: 3, digest: sha256Digest(Buffer.from('abc')), annotations: { note: 'x' } };
    const existing = parseSignatureManifest(
      Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {}, layers: [first, foreign], annotations: { keep: 'me' } })),
    );
    assert.ok(existing.ok);
    const second = signatureLayer(buildPayload(`${REF}:v2`, DIGEST), 'BBBB');
    const { manifest, config } = buildSignatureManifest(existing.manifest, second);
    const doc = JSON.parse(manifest.toString()) as { layers: { digest: string }[]; annotations: unknown };
    assert.deepEqual(doc.layers.map((l) => l.digest), [first.digest, foreign.digest, second.digest]);
    assert.deepEqual(doc.annotations, { keep: 'me' });
    assert.deepEqual((JSON.parse(config.toString()) as { rootfs: { diff_ids: string[] } }).rootfs.diff_ids, [first.digest, foreign.digest, second.digest]);
    const reparsed = parseSignatureManifest(manifest);
    assert.ok(reparsed.ok);
    assert.deepEqual(reparsed.manifest.signatures.map((s) => s.signature), ['AAAA', 'BBBB']);
    const again = buildSignatureManifest(reparsed.manifest, second);
    assert.equal(again.manifest.toString(), manifest.toString());
  });

  it('refuses what is not a signature manifest, naming the problem', () => {
    const bad = (doc: unknown): string => {
      const parsed = parseSignatureManifest(Buffer.from(typeof doc === 'string' ? doc : JSON.stringify(doc)));
      assert.equal(parsed.ok, false);
      return parsed.ok ? '' : parsed.error;
    };
    assert.match(bad('nope'), /not JSON/);
    assert.match(bad({ schemaVersion: 1 }), /not a schemaVersion 2 image manifest/);
    assert.match(bad({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', layers: [] }), /media type "application\/vnd.oci.image.index.v1\+json"/);
    assert.match(bad({ schemaVersion: 2, layers: [{ mediaType: 'x', size: 1, digest: 'md5:00' }] }), /layer 1: digest "md5:00" is not a sha256 digest/);
    assert.match(bad({ schemaVersion: 2, layers: [{ mediaType: 'x', size: -1, digest: DIGEST }] }), /layer 1: size -1 is not a byte count/);
    assert.match(bad({ schemaVersion: 2, layers: [{ mediaType: 'x', size: 1, digest: DIGEST, annotations: { a: 1 } }] }), /annotations are not a map of strings/);
    const many = Array.from({ length: 65 }, () => ({ mediaType: 'x', size: 1, digest: DIGEST }));
    assert.match(bad({ schemaVersion: 2, layers: many }), /65 layers \(at most 64/);
  });
});
