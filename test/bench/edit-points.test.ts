import * as assert from 'node:assert/strict';
import { editPoints } from './edit-points';
import { dockerfileText, sourceText } from './generate';
import { SeededRandom } from './random';

// Where the bench types, and the generated inputs, are deterministic and cover what they claim.

const MANIFEST = [
  '# a comment', //                      0
  'apiVersion: apps/v1', //              1
  'kind: Deployment', //                 2
  'spec:', //                            3
  '  template:', //                      4
  '    spec:', //                        5
  '      containers:', //                6
  '      - name: app', //                7
  '        image: app:1', //             8
  '        env:', //                     9
  '        - name: A', //               10
  '          value: b', //              11
  '        securityContext:', //        12
  '          runAsNonRoot: true', //    13
  '        ports:', //                  14
  '        - containerPort: 80', //     15
  '---', //                             16
  'apiVersion: apiextensions.k8s.io/v1', // 17
  'kind: CustomResourceDefinition', //  18
  'spec:', //                           19
  '  group: x', //                      20
  '---', //                             21
  'kind: ConfigMap', //                 22
  'data:', //                           23
  '  a: b', //                          24
  '',
].join('\n');

describe('bench edit points', function () {
  it('classifies manifest lines by the fields rules read and starts with the first and last lines', function () {
    const points = editPoints(MANIFEST, 'yaml', 100);
    const place = new Map(points.map((p) => [p.line, p.place]));
    assert.deepEqual(points.slice(0, 2).map((p) => [p.line, p.place]), [[0, 'first line'], [24, 'last line']]);
    assert.deepEqual([7, 8, 15].map((l) => place.get(l)), ['containers', 'containers', 'containers']);
    assert.deepEqual([9, 10, 11].map((l) => place.get(l)), ['env', 'env', 'env']);
    assert.deepEqual([12, 13].map((l) => place.get(l)), ['securityContext', 'securityContext']);
    assert.deepEqual([1, 2, 3, 4, 5].map((l) => place.get(l)), ['workload', 'workload', 'workload', 'workload', 'workload']);
    assert.deepEqual([17, 18, 19, 20].map((l) => place.get(l)), ['crd', 'crd', 'crd', 'crd']);
    assert.deepEqual([22, 23].map((l) => place.get(l)), ['other', 'other']);
    assert.equal(place.has(16), false, 'a --- separator is not typed into');
    assert.equal(points.find((p) => p.line === 8)?.character, '        image: app:1'.length);
  });

  it('shares the points between places and keeps the same order on every run', function () {
    const points = editPoints(MANIFEST, 'yaml', 9);
    assert.equal(points.length, 9);
    assert.deepEqual(new Set(points.slice(2).map((p) => p.place)), new Set(['containers', 'crd', 'env', 'other', 'securityContext', 'workload']));
    assert.deepEqual(editPoints(MANIFEST, 'yaml', 9), points);
  });

  it('gives what a small place cannot take to the others', function () {
    const dockerfile = ['FROM debian:12', 'FROM debian:12 AS two', ...Array.from({ length: 20 }, (_, i) => `RUN echo ${i}`), 'CMD ["x"]', ''].join('\n');
    const points = editPoints(dockerfile, 'dockerfile', 10);
    assert.equal(points.length, 10);
    assert.deepEqual(points.map((p) => p.place).sort(), ['FROM', 'RUN', 'RUN', 'RUN', 'RUN', 'RUN', 'RUN', 'RUN', 'first line', 'last line']);
    assert.equal(new Set(points.map((p) => p.line)).size, 10);
  });

  it('generates a 5,000-line Dockerfile and a 1 MB source file, the same for the same seed', function () {
    const dockerfile = dockerfileText(new SeededRandom(1), 5000);
    assert.equal(dockerfile.split('\n').length, 5001);
    assert.ok(dockerfile.startsWith('FROM '));
    assert.equal(dockerfileText(new SeededRandom(1), 5000), dockerfile);
    const source = sourceText(new SeededRandom(2), 'ts', 1024 * 1024);
    assert.ok(source.length >= 1024 * 1024 && source.length < 1024 * 1024 + 200, String(source.length));
    // Never printed on failure: the values look like secrets.
    assert.ok(/ghp_[0-9A-Za-z]{36}/.test(source) && /AKIA[A-Z2-7]{16}/.test(source), 'the source holds secrets the rules detect');
  });
});
