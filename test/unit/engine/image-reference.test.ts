import * as assert from 'node:assert/strict';
import {
  digestError,
  familiarName,
  familiarString,
  formatImageReference,
  isValidRepository,
  parseImageReference,
  parseRegistryReference,
  registryApiHost,
  sameRepository,
  type ImageRef,
} from '../../../server/src/engine/images/reference';

// Cases learnt from distribution/reference (reference_test.go, normalize_test.go): what `docker pull`
// accepts, how it normalises, and what it refuses. Our own table, our own expectations.

const H64 = 'f'.repeat(64);
const D = `sha256:${H64}`;

type Row = [input: string, registry: string, repository: string, tag?: string, digest?: string];
const VALID: Row[] = [
  ['nginx', 'docker.io', 'library/nginx'],
  ['nginx:1.27', 'docker.io', 'library/nginx', '1.27'],
  ['library/debian', 'docker.io', 'library/debian'],
  ['docker/docker', 'docker.io', 'docker/docker'],
  ['docker.io/debian', 'docker.io', 'library/debian'],
  ['docker.io/library/debian', 'docker.io', 'library/debian'],
  ['index.docker.io/debian', 'docker.io', 'library/debian'],
  ['index.docker.io/docker/docker', 'docker.io', 'docker/docker'],
  ['docker.io/library/foo/bar', 'docker.io', 'library/foo/bar'],
  ['test_com', 'docker.io', 'library/test_com'],
  ['test_com/foo', 'docker.io', 'test_com/foo'],
  ['test.com:tag', 'docker.io', 'library/test.com', 'tag'],
  ['test.com:5000', 'docker.io', 'library/test.com', '5000'],
  ['test.com/repo:tag', 'test.com', 'repo', 'tag'],
  ['test:5000/repo', 'test:5000', 'repo'],
  ['test-com:8080/foo', 'test-com:8080', 'foo'],
  ['test:5000/repo:tag', 'test:5000', 'repo', 'tag'],
  [`test:5000/repo@${D}`, 'test:5000', 'repo', undefined, D],
  [`test:5000/repo:tag@${D}`, 'test:5000', 'repo', 'tag', D],
  ['lowercase:Uppercase', 'docker.io', 'library/lowercase', 'Uppercase'],
  ['sub-dom1.foo.com/bar/baz/quux:some-long-tag', 'sub-dom1.foo.com', 'bar/baz/quux', 'some-long-tag'],
  ['b.gcr.io/test.example.com/my-app:test.example.com', 'b.gcr.io', 'test.example.com/my-app', 'test.example.com'],
  ['xn--n3h.com:18080/foo', 'xn--n3h.com:18080', 'foo'],
  ['foo_bar.com:8080', 'docker.io', 'library/foo_bar.com', '8080'],
  ['foo/foo_bar.com:8080', 'docker.io', 'foo/foo_bar.com', '8080'],
  ['192.168.1.1', 'docker.io', 'library/192.168.1.1'],
  ['192.168.1.1/repo', '192.168.1.1', 'repo'],
  ['192.168.1.1:5000/repo:5050', '192.168.1.1:5000', 'repo', '5050'],
  ['127.0.0.1:5000/library/debian', '127.0.0.1:5000', 'library/debian'],
  ['127.0.0.1:5000/debian', '127.0.0.1:5000', 'debian'],
  ['localhost/app', 'localhost', 'app'],
  ['localhost:5000/app:v1', 'localhost:5000', 'app', 'v1'],
  ['[2001:db8::1]/repo', '[2001:db8::1]', 'repo'],
  ['[2001:db8:1:2:3:4:5:6]/repo:tag', '[2001:db8:1:2:3:4:5:6]', 'repo', 'tag'],
  [`[2001:db8::1]:5000/repo:tag@${D}`, '[2001:db8::1]:5000', 'repo', 'tag', D],
  ['[::1]:5000/repo', '[::1]:5000', 'repo'],
  ['Docker/docker', 'Docker', 'docker'],
  ['docker---rules/docker', 'docker.io', 'docker---rules/docker'],
  ['dock__er/docker', 'docker.io', 'dock__er/docker'],
  ['d/docker', 'docker.io', 'd/docker'],
  [`docker.io/${'1a3f5e7d'.repeat(8)}`, 'docker.io', `library/${'1a3f5e7d'.repeat(8)}`],
  [`busybox:latest@${D}`, 'docker.io', 'library/busybox', 'latest', D],
  [`redis@sha512:${'f'.repeat(128)}`, 'docker.io', 'library/redis', undefined, `sha512:${'f'.repeat(128)}`],
  [`${'a/'.repeat(127)}a:tag`, 'docker.io', `${'a/'.repeat(127)}a`, 'tag'],
  ['registry.acme.example/secops/ide-policy:2025.06.1', 'registry.acme.example', 'secops/ide-policy', '2025.06.1'],
];

const INVALID: [input: string, reason: RegExp][] = [
  ['', /empty/],
  [':justtag', /repository name/],
  [`@${D}`, /repository name/],
  ['repo@sha256:' + 'f'.repeat(34), /exactly 64/],
  [`validname@invaliddigest:${H64}`, /not supported/],
  [`repo@sha256:${'F'.repeat(64)}`, /lower-case hexadecimal/],
  ['Uppercase:tag', /must be lowercase/],
  ['test:5000/Uppercase/lowercase:tag', /must be lowercase/],
  ['docker/Docker', /must be lowercase/],
  [`${'a/'.repeat(128)}a:tag`, /longer than 255/],
  ['aa/asdf$$^/aa', /repository name/],
  ['https://github.com/docker/docker', /registry host/],
  ['-docker', /repository name/],
  ['-docker.io/docker/docker', /registry host/],
  ['docker///docker', /repository name/],
  ['docker-/docker', /repository name/],
  ['____/____', /repository name/],
  ['dock..er/docker', /registry host/],
  ['dock-.er/docker', /registry host/],
  ['docker/', /repository name/],
  ['[2001:db8::1]', /repository name|tag/],
  ['[2001:db8::1]:5000', /repository name|tag/],
  ['[fc00::1]:5000', /repository name|tag/],
  ['fc00::1:5000/debian', /registry host/],
  ['[fe80::1%eth0]:5000/repo', /registry host/],
  ['[2001:db8:3:4::192.0.2.33]:5000/debian', /registry host/],
  ['foo_bar.com/x', /registry host/],
  [H64, /image ID/],
  ['nginx:-bad', /tag "-bad"/],
  [`nginx:${'t'.repeat(129)}`, /tag/],
  ['x'.repeat(5000), /longer than 4096/],
];

describe('image references (Docker grammar and normalisation)', () => {
  for (const [input, registry, repository, tag, digest] of VALID) {
    it(`parses ${input.length > 60 ? `${input.slice(0, 57)}...` : input}`, () => {
      const result = parseImageReference(input);
      assert.ok(result.ok, result.ok ? '' : result.error);
      const expected: ImageRef = { registry, repository, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
      assert.deepEqual(result.ref, expected);
    });
  }

  for (const [input, reason] of INVALID) {
    it(`refuses ${JSON.stringify(input.length > 60 ? `${input.slice(0, 57)}...` : input)}`, () => {
      const result = parseImageReference(input);
      assert.equal(result.ok, false);
      if (!result.ok) assert.match(result.error, reason);
    });
  }

  it('adds the tag latest only when asked, and never next to a digest', () => {
    assert.deepEqual(parseImageReference('nginx'), { ok: true, ref: { registry: 'docker.io', repository: 'library/nginx' } });
    assert.deepEqual(parseImageReference('nginx', { defaultTag: true }), { ok: true, ref: { registry: 'docker.io', repository: 'library/nginx', tag: 'latest' } });
    assert.deepEqual(parseImageReference(`nginx@${D}`, { defaultTag: true }), { ok: true, ref: { registry: 'docker.io', repository: 'library/nginx', digest: D } });
  });

  it('never echoes credentials written into a reference', () => {
    for (const input of ['user:s3cret@registry.acme.example/app:v1', 'https://user:s3cret@registry.acme.example/app']) {
      const result = parseImageReference(input);
      assert.equal(result.ok, false);
      if (!result.ok) {
        assert.doesNotMatch(result.error, /s3cret/);
        assert.match(result.error, /credentials/);
      }
    }
  });

  it('compares parsed registries, not string prefixes', () => {
    const approved = { registry: 'registry.acme.example', repository: 'x' };
    const ref = (text: string): ImageRef => {
      const r = parseImageReference(text);
      assert.ok(r.ok);
      return r.ref;
    };
    assert.equal(sameRepository(ref('registry.acme.example/x:1'), approved), true);
    assert.equal(sameRepository(ref('REGISTRY.acme.example/x'), approved), true, 'host names are case-insensitive');
    assert.equal(sameRepository(ref('registry.acme.example.evil.com/x'), approved), false);
    assert.equal(sameRepository(ref('registry.acme.example:5000/x'), approved), false);
    assert.equal(sameRepository(ref('registry.acme.example/x/y'), approved), false);
    assert.equal(sameRepository(ref('registry.acme.example/xy'), approved), false);
    assert.equal(sameRepository(ref('nginx'), ref('docker.io/library/nginx:latest')), true);
    assert.equal(sameRepository(ref('nginx'), ref('index.docker.io/nginx')), true);
  });

  it('formats the full reference and the familiar name Docker shows', () => {
    const cases: [string, string, string, string][] = [
      // input, full reference, familiar name, familiar string
      ['ubuntu', 'docker.io/library/ubuntu', 'ubuntu', 'ubuntu'],
      ['library/ubuntu:22.04', 'docker.io/library/ubuntu:22.04', 'ubuntu', 'ubuntu:22.04'],
      ['fooo/bar', 'docker.io/fooo/bar', 'fooo/bar', 'fooo/bar'],
      ['other/library', 'docker.io/other/library', 'other/library', 'other/library'],
      ['library/foo/bar', 'docker.io/library/foo/bar', 'library/foo/bar', 'library/foo/bar'],
      ['127.0.0.1:8000/privatebase', '127.0.0.1:8000/privatebase', '127.0.0.1:8000/privatebase', '127.0.0.1:8000/privatebase'],
      ['example.com:8000/private/moonbase', 'example.com:8000/private/moonbase', 'example.com:8000/private/moonbase', 'example.com:8000/private/moonbase'],
      [`busybox:latest@${D}`, `docker.io/library/busybox:latest@${D}`, 'busybox', `busybox:latest@${D}`],
    ];
    for (const [input, full, familiar, familiarWithTag] of cases) {
      const result = parseImageReference(input);
      assert.ok(result.ok, input);
      assert.equal(formatImageReference(result.ref), full, input);
      assert.equal(familiarName(result.ref), familiar, input);
      assert.equal(familiarString(result.ref), familiarWithTag, input);
      // The full form parses back to the same value.
      assert.deepEqual(parseImageReference(full), result, input);
    }
  });

  it('knows where Docker Hub’s API lives, and checks repositories and digests alone', () => {
    assert.equal(registryApiHost('docker.io'), 'registry-1.docker.io');
    assert.equal(registryApiHost('127.0.0.1:5000'), '127.0.0.1:5000');
    assert.equal(isValidRepository('secops/ide-policy'), true);
    assert.equal(isValidRepository('../v2'), false);
    assert.equal(isValidRepository('a/b?x=1'), false);
    assert.equal(digestError(D), undefined);
    assert.match(digestError('sha256:abc') ?? '', /not a digest/);
    assert.match(digestError(`sha256:${'a'.repeat(40)}`) ?? '', /exactly 64/);
    assert.match(digestError('md5:' + 'f'.repeat(32)) ?? '', /not supported/);
    assert.match(digestError('nope') ?? '', /not a digest/);
  });

  it('splits a CLI registry reference into what to ask the registry for', () => {
    assert.deepEqual(parseRegistryReference('127.0.0.1:5000/secops/policy:v1'), { ok: true, ref: { registry: '127.0.0.1:5000', repository: 'secops/policy', tag: 'v1', target: 'v1' } });
    assert.deepEqual(parseRegistryReference('registry.acme.example/secops/policy'), { ok: true, ref: { registry: 'registry.acme.example', repository: 'secops/policy', tag: 'latest', target: 'latest' } });
    assert.deepEqual(parseRegistryReference(`localhost:5000/p:v1@${D}`), { ok: true, ref: { registry: 'localhost:5000', repository: 'p', tag: 'v1', digest: D, target: D } });
    const bad = parseRegistryReference('registry.acme.example/Secops/policy');
    assert.equal(bad.ok, false);
  });
});
