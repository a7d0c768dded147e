import * as assert from 'node:assert/strict';
import { analyze, indexFile, type RuleSet } from '../../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';
import { EditableDocument } from '../../../server/src/lsp/editable-document';
import { SectionParseCache } from '../../../server/src/lsp/section-parse-cache';
import { keystrokesAt, typingPoints } from '../../bench/keystrokes';
import { ANALYSIS_NOW, comparable } from '../../support/open-dockerfile';

// A word typed into a manifest's values one character at a time, as the bench types it: the server
// reuses the edited section's parse for a character typed in a plain scalar (yaml-scalar-edit.ts) and
// moves the findings of the sections below it (kubernetes-sections.ts). After every keystroke the cached
// analysis must equal a fresh one, finding for finding, and the facts a fresh index.

const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  '  namespace: shop',
  'spec:',
  '  template:',
  '    spec:',
  '      hostNetwork: true',
  '      containers:',
  '      - name: app',
  '        image: nginx:latest',
  '        args:',
  '        - --listen=0.0.0.0',
  '        - serve',
  '        env:',
  '        - name: GITHUB_TOKEN',
  '          value: ghp_1234567890abcdefghijklmnopqrstuvwxyzAB',
  '        securityContext:',
  '          privileged: true',
  '          runAsUser: 0',
];
const SERVICE = ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  type: NodePort', '  ports:', '  - port: 80'];
const MANIFEST = [...DEPLOYMENT, '---', ...SERVICE, '---', ...DEPLOYMENT.map((l) => l.replace('name: web', 'name: api')), ''].join('\n');

function typeWords(ruleSet: RuleSet, original: string, points: number): number {
  const uri = 'file:///workspace/deploy.yaml';
  const doc = EditableDocument.create(uri, 'yaml', 1, original);
  const cache = new SectionParseCache();
  let version = 1;
  let findings = 0;
  const analyse = () => {
    const text = doc.getText();
    const facts = indexFile({ uri, text, languageId: 'yaml' }, cache);
    const result = analyze({ uri, text, languageId: 'yaml' }, ruleSet, { cache, now: ANALYSIS_NOW, textWindows: true });
    cache.endAnalysis();
    return { text, facts, result };
  };
  analyse();
  for (const p of typingPoints(original, 'yaml', points * 6, 'word')) {
    for (const change of keystrokesAt(p, 'word')) {
      doc.update([change], ++version);
      const cached = analyse();
      const what = `${change.text ? `"${change.text}" typed` : 'Backspace'} at ${change.range.start.line + 1}:${change.range.start.character + 1}`;
      const fresh = analyze({ uri, text: cached.text, languageId: 'yaml' }, ruleSet, { now: ANALYSIS_NOW });
      assert.deepEqual(comparable(cached.result), comparable(fresh), `${what}: cached and fresh analyses differ`);
      assert.deepEqual(cached.facts, indexFile({ uri, text: cached.text, languageId: 'yaml' }), `${what}: cached and fresh facts differ`);
      findings += fresh.findings.length;
    }
  }
  assert.equal(doc.getText(), original, 'every word deleted again');
  return findings;
}

describe('a word typed into manifest values equals a fresh analysis at each keystroke', function () {
  this.timeout(120_000);
  let ruleSet: RuleSet;

  before(function () {
    ruleSet = loadRuleSet([builtinPackRoot()]).ruleSet;
  });

  for (const eol of ['\n', '\r\n']) {
    it(`three sections, every value line (${eol === '\n' ? 'LF' : 'CRLF'})`, () => {
      const text = MANIFEST.replace(/\n/g, eol);
      assert.ok(typeWords(ruleSet, text, 60) > 0, 'findings to compare');
    });
  }
});
