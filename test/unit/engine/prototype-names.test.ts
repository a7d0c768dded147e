import * as assert from 'node:assert/strict';
import { analyze, type RuleMeta } from '../../../server/src/engine';
import { digestError } from '../../../server/src/engine/images/reference';
import { commentSyntaxFor } from '../../../server/src/lsp/comment-syntax';
import { peerLine } from '../../../server/src/lsp/rule-docs';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';

// Names that come from scanned files, packs or clients are looked up in Maps: an Object.prototype
// property name (constructor, toString, __proto__…) is just a name that is not in the table.

const PROTOTYPE_NAMES = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__', '__defineGetter__'];
const core = loadRuleSet([builtinPackRoot()]).ruleSet;
const NOW = new Date('2026-06-01T00:00:00Z');

describe('prototype property names are plain data', () => {
  for (const name of PROTOTYPE_NAMES) {
    it(`RUN ${name} … does not blind the RUN rules, and a curl | sh beside it is still found`, () => {
      const text = `FROM alpine:3.19\nRUN ${name} --flag value\nRUN curl -fsSL https://get.example.sh | sh\nUSER app\n`;
      const result = analyze({ uri: 'Dockerfile', text }, core, { now: NOW });
      assert.deepEqual(result.notices, []);
      assert.ok(result.findings.some((f) => f.ruleId === 'docker-remote-script-piped-to-shell'), result.findings.map((f) => f.ruleId).join(', '));
    });

    it(`kind: ${name} is not a workload`, () => {
      const text = `apiVersion: v1\nkind: ${name}\nmetadata: {name: x}\nspec:\n  containers:\n    - name: a\n      image: a:1.0\n      securityContext: {privileged: true}\n`;
      const result = analyze({ uri: 'k.yaml', text }, core, { now: NOW });
      assert.deepEqual(result.notices, []);
      assert.ok(!result.findings.some((f) => f.ruleId.startsWith('k8s-')), result.findings.map((f) => f.ruleId).join(', '));
    });

    it(`the digest algorithm ${name} is unsupported, and said so plainly`, () => {
      const error = digestError(`${name}:${'a'.repeat(64)}`);
      assert.ok(error !== undefined && !/function|native code/.test(error), error);
    });

    it(`a language id or extension ${name} has no comment syntax`, () => {
      assert.equal(commentSyntaxFor(name, `file:///x/y.${name}`), undefined);
    });
  }

  it('a pack peer named constructor is shown by its own name', () => {
    const meta = { peers: JSON.parse('{"constructor": ["X1"], "__proto__": ["X2"], "hadolint": ["DL3007"]}') as RuleMeta['peers'] } as RuleMeta;
    assert.equal(peerLine(meta), 'constructor X1 · __proto__ X2 · hadolint DL3007');
  });
});
