import * as assert from 'node:assert/strict';
import { parseKubernetes } from '../../../server/src/engine/parsers/kubernetes';
import { CUSTOM_RESOURCE_KINDS, kindFilter, readsKind } from '../../../server/src/engine/parsers/kubernetes-kinds';

const MANIFEST = [
  'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: fleets.agones.dev\n',
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n',
  'apiVersion: agones.dev/v1\nkind: Fleet\nmetadata:\n  name: arena\nspec:\n  template:\n    spec:\n      template:\n        spec:\n          containers: []\n',
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
].join('---\n');

describe('Kubernetes kinds a rule reads', () => {
  it('reads custom resources, and no built-in kind it does not list, when it names CUSTOM_RESOURCE_KINDS', () => {
    const kinds = ['Deployment', CUSTOM_RESOURCE_KINDS];
    assert.equal(readsKind(kinds, 'Deployment'), true);
    assert.equal(readsKind(kinds, 'Fleet'), true);
    assert.equal(readsKind(kinds, 'CustomResourceDefinition'), false);
    assert.equal(readsKind(kinds, 'ConfigMap'), false);
    assert.equal(readsKind(['Deployment'], 'Fleet'), false);
  });

  it('parses the sections of custom resources and listed kinds only: never a CRD the rules do not read', () => {
    const model = parseKubernetes(MANIFEST, undefined, undefined, kindFilter(new Set(['Deployment', CUSTOM_RESOURCE_KINDS])));
    assert.deepEqual(model.documents.map((d) => d.doc !== undefined), [false, false, true, true]);
    const listedOnly = parseKubernetes(MANIFEST, undefined, undefined, kindFilter(new Set(['Deployment'])));
    assert.deepEqual(listedOnly.documents.map((d) => d.doc !== undefined), [false, false, false, true]);
  });
});
