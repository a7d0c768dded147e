import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/engine';
import { imageCompletionContext, imageCompletions } from '../../../server/src/engine/images/completion';
import { imageOccurrences } from '../../../server/src/engine/images/occurrences';
import { digestQuery, pinEdits, pinFix, pinnedReference } from '../../../server/src/engine/images/pin';

// The engine's half of "Pin to digest" and image completion: which images a file pulls and where,
// what is asked of the registry, and what is written back. Digests here are given, as a registry would.

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;

describe('images: occurrences, digest queries and pins', () => {
  it('asks the registry for the normalised reference with its tag; a pinned or invalid one is not asked', () => {
    assert.deepEqual(digestQuery('node:20-slim')?.key, 'docker.io/library/node:20-slim');
    assert.deepEqual(digestQuery('nginx')?.key, 'docker.io/library/nginx:latest');
    assert.deepEqual(digestQuery('127.0.0.1:5000/base/node:20')?.ref, { registry: '127.0.0.1:5000', repository: 'base/node', tag: '20' });
    assert.equal(digestQuery(`node:20@${D1}`), undefined);
    assert.equal(digestQuery('Not/Valid'), undefined);
  });

  it('keeps the reference as written and its tag; an untagged name gets the tag that was looked up', () => {
    assert.equal(pinnedReference('node:20-slim', digestQuery('node:20-slim')!, D1), `node:20-slim@${D1}`);
    assert.equal(pinnedReference('nginx', digestQuery('nginx')!, D1), `nginx:latest@${D1}`);
  });

  it('finds every pulled image of a Dockerfile with its exact span, and pins only literal ones with a known digest', () => {
    const text = ['ARG BASE=alpine:3.20', 'FROM ${BASE} AS a', 'FROM node:20 AS build', 'COPY --from=nginx:1.27 /x /y', 'RUN --mount=type=bind,from=busybox,target=/b true', 'FROM build', 'FROM scratch', ''].join('\n');
    const images = imageOccurrences({ uri: 'Dockerfile', text });
    assert.deepEqual(images.map((i) => [i.text, text.slice(i.span.start, i.span.end), i.replaceable]), [
      ['alpine:3.20', '${BASE}', false],
      ['node:20', 'node:20', true],
      ['nginx:1.27', 'nginx:1.27', true],
      ['busybox', 'busybox', true],
    ]);
    const digests = new Map([
      ['docker.io/library/alpine:3.20', D1],
      ['docker.io/library/node:20', D1],
      ['docker.io/library/busybox:latest', D2],
    ]);
    const pinned = applyEdits(text, pinEdits(images, digests));
    assert.equal(pinned.applied, 2, 'the ARG-built FROM is not literal; nginx has no digest');
    assert.equal(pinned.text, text.replace('FROM node:20 ', `FROM node:20@${D1} `).replace('from=busybox,', `from=busybox:latest@${D2},`));
  });

  it('finds container images of every group in a manifest; a folded or templated one is not replaceable or not listed', () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: d }',
      'spec:',
      '  template:',
      '    spec:',
      '      initContainers: [{ name: i, image: "busybox:1.36" }]',
      '      containers:',
      '        - name: a',
      "          image: 'nginx:1.27'",
      '        - name: b',
      '          image: >-',
      '            node:20',
      '        - name: c',
      '          image: $IMAGE',
      '',
    ].join('\n');
    const images = imageOccurrences({ uri: 'deploy.yaml', text });
    assert.deepEqual(images.map((i) => [i.text, text.slice(i.span.start, i.span.end), i.replaceable]), [
      ['busybox:1.36', 'busybox:1.36', true],
      ['nginx:1.27', 'nginx:1.27', true],
      ['node:20', '>-\n            node:20\n', false],
    ]);
    const fix = pinFix(images[1], new Map([['docker.io/library/nginx:1.27', D2]]));
    assert.deepEqual(fix, { title: `Pin to digest sha256:222222222222… (what the registry serves for nginx:1.27 now)`, kind: 'suggestion', edits: [{ span: images[1].span, newText: `nginx:1.27@${D2}` }] });
    assert.equal(pinFix(images[2], new Map([['docker.io/library/node:20', D1]])), undefined, 'a folded scalar is not rewritten');
    assert.deepEqual(imageOccurrences({ uri: 'notes.txt', text: 'FROM node:20\n' }), []);
  });
});

describe('images: completion from the approved-images list', () => {
  const LIST = {
    registries: ['registry.acme.example'],
    images: [{ name: 'docker.io/library/nginx', tags: ['1.27*', '1.26.2'] }, { name: 'ghcr.io/acme/tool' }],
    replacements: [{ from: 'docker.io/library/node', to: 'registry.acme.example/base/node:20-slim' }],
    deprecated: [{ name: 'registry.acme.example/base/node', tags: ['16*'], after: '2026-01-01', replacement: 'registry.acme.example/base/node:22-slim' }],
  };
  const NOW = new Date('2026-06-01T00:00:00Z');

  it('knows where an image is being typed: after FROM and its flags, after image: and a quote', () => {
    const docker = 'FROM --platform=$BUILDPLATFORM ngi\nRUN ngi\nfrom \n';
    assert.deepEqual(imageCompletionContext(docker, 34, 'dockerfile'), { start: 31, typed: 'ngi' });
    assert.equal(imageCompletionContext(docker, 42, 'dockerfile'), undefined);
    assert.deepEqual(imageCompletionContext(docker, 48, 'dockerfile'), { start: 48, typed: '' });
    assert.equal(imageCompletionContext('FROM --pla', 10, 'dockerfile'), undefined, 'a flag is being typed');
    const yaml = '  - image: "ngi\n    name: x\n';
    assert.deepEqual(imageCompletionContext(yaml, 15, 'yaml'), { start: 12, typed: 'ngi' });
    assert.equal(imageCompletionContext(yaml, 27, 'yaml'), undefined);
  });

  it('offers the approved registries, repositories and replacements, each once', () => {
    assert.deepEqual(imageCompletions(LIST, 'n', NOW).map((c) => [c.text, c.kind]), [
      ['registry.acme.example/', 'registry'],
      ['nginx', 'image'],
      ['ghcr.io/acme/tool', 'image'],
      ['registry.acme.example/base/node:20-slim', 'image'],
      ['registry.acme.example/base/node:22-slim', 'image'],
    ]);
  });

  it('after name: the allowed tags, by parsed repository (docker.io/library/nginx is nginx), without deprecated ones', () => {
    assert.deepEqual(imageCompletions(LIST, 'nginx:', NOW).map((c) => c.text), ['nginx:1.27', 'nginx:1.26.2']);
    assert.deepEqual(imageCompletions(LIST, 'docker.io/library/nginx:1', NOW).map((c) => c.text), ['docker.io/library/nginx:1.27', 'docker.io/library/nginx:1.26.2']);
    assert.deepEqual(imageCompletions(LIST, 'registry.acme.example/base/node:', NOW).map((c) => c.text), ['registry.acme.example/base/node:20-slim', 'registry.acme.example/base/node:22-slim']);
    assert.deepEqual(imageCompletions({ ...LIST, replacements: [{ from: 'docker.io/library/node', to: 'registry.acme.example/base/node:16-slim' }] }, 'registry.acme.example/base/node:', NOW).map((c) => c.text), ['registry.acme.example/base/node:22-slim'], 'a deprecated tag is never offered');
    assert.deepEqual(imageCompletions(LIST, 'evil.example/nginx:', NOW), []);
    assert.deepEqual(imageCompletions(LIST, '127.0.0.1:5000/x', NOW).length, 5, 'a registry port is not a tag');
  });
});
