import * as assert from 'node:assert/strict';
import { parseKubernetes } from '../../../server/src/engine/parsers/kubernetes';
import { podEditContext, podSpecOf } from '../../../server/src/engine/parsers/kubernetes-workloads';
import { editContext } from '../../../server/src/engine/parsers/yaml-edits';

// podEditContext keeps each object's layout in its section's memo, so every rule fixing the object
// shares one detection: the kept layout must be the one a context of its own would detect, per object.

const MANIFEST = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '    name: four',
  'spec:',
  '    template:',
  '        spec:',
  '            containers:',
  '            - name: app',
  '              image: nginx',
  '---',
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: two',
  'spec:',
  '  containers:',
  '    - name: app',
  '      image: nginx',
  '',
].join('\n');

describe('podEditContext layout', () => {
  const model = parseKubernetes(MANIFEST);
  const pods = model.objects.map((object) => podSpecOf(object));

  it('is the layout a context of its own detects from the object, for each object', () => {
    assert.equal(pods.length, 2);
    const layouts = pods.map((pod) => {
      assert.ok(pod);
      const own = editContext(model.text, model.eol, pod.base, pod.doc, pod.object.node).layout();
      const kept = podEditContext(model, pod).layout();
      assert.deepEqual(kept, own);
      return kept;
    });
    assert.deepEqual(layouts, [
      { step: 4, seqIndent: 0 },
      { step: 2, seqIndent: 2 },
    ]);
  });

  it('is detected once per object: a second context of the same object gets the same layout', () => {
    const pod = pods[0];
    assert.ok(pod);
    assert.equal(podEditContext(model, pod).layout(), podEditContext(model, pod).layout());
    assert.notEqual(podEditContext(model, pod).layout(), podEditContext(model, pods[1]!).layout());
  });
});
