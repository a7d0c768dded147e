import * as assert from 'node:assert/strict';
import { analyze, type AnalysisResult } from '../../../server/src/engine';
import { normalisePeerId } from '../../../server/src/engine/peer-suppressions';
import { readScript } from '../../../server/src/engine/parsers/dockerfile-shell-commands';
import { parseKubernetes } from '../../../server/src/engine/parsers/kubernetes';
import { detectLayout } from '../../../server/src/engine/parsers/yaml-block';
import { returnedLiteralStart } from '../../../server/src/engine/templates/text/assignment-forms';
import { secretContainerEntry, yamlNameValueStart } from '../../../server/src/engine/templates/text/assignment-neighbours';
import { authPairPasswordStart } from '../../../server/src/engine/templates/text/assignment-pairs';
import { qualifiedByParent } from '../../../server/src/engine/templates/text/assignment-syntax';
import { sqlPasswordStart } from '../../../server/src/engine/templates/text/command-forms';
import { enumCaseStart } from '../../../server/src/engine/templates/text/positional-records';
import { returnedArmStart } from '../../../server/src/engine/templates/text/returned-arms';
import { declaredTestNow, parseAnnotations } from '../../../server/src/engine/testing/annotations';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';

// Our own regexes run on V8's backtracking engine. Each input below made one of them backtrack
// super-linearly before it was rewritten (exponentially for the comment-skipping arms and enum cases; a
// 100,000-character line took seconds to hours); the rewrites match the same strings with the same groups.
// These tests pin the results on the hostile inputs and on the ordinary ones (no timing here: the
// lint rule regexp/no-super-linear-backtracking keeps new ones out).

const { ruleSet } = loadRuleSet([builtinPackRoot()]);
const NOW = new Date('2026-06-01T00:00:00Z');
const LONG = 100_000;
const spaces = (n: number) => ' '.repeat(n);
const identity = { start: (i: number) => i, end: (i: number) => i };
const line = (text: string, lineStart = 0) => ({ lineStart, lineEnd: text.indexOf('\n', lineStart) < 0 ? text.length : text.indexOf('\n', lineStart) });
const span = (text: string, word: string, from = 0) => ({ start: text.indexOf(word, from), end: text.indexOf(word, from) + word.length });

function run(uri: string, text: string, honorPeerSuppressions = false): AnalysisResult {
  return analyze({ uri, text }, ruleSet, { now: NOW, honorPeerSuppressions });
}

describe('regexes that backtracked super-linearly', () => {
  it('a shell flag cluster holding c (sh -ec) is read as -c, also after a long run of c', () => {
    const words = (script: string) => readScript(script, identity).map((c) => c.words.map((w) => w.value).join(' '));
    assert.deepEqual(words("sh -ec 'curl x'"), ['sh -ec curl x', 'curl x']);
    assert.deepEqual(words("sh -e 'curl x'"), ['sh -e curl x']);
    const hostile = `-${'c'.repeat(60_000)}1`; // under the reader's 64 KiB script limit
    assert.deepEqual(words(`sh ${hostile} 'curl x'`), [`sh ${hostile} curl x`]);
  });

  it('a heredoc runs as the script of a shell with only option flags, also after a long run of c', () => {
    const remote = (flags: string) => run('file:///w/Dockerfile', `FROM alpine:3.20@sha256:${'a'.repeat(64)}\nUSER 10001\nRUN bash ${flags} <<EOF\ncurl -k https://x | sh\nEOF\n`).findings.filter((f) => f.ruleId === 'docker-remote-script-piped-to-shell').length;
    assert.equal(remote('-e'), 1);
    assert.equal(remote('-ec'), 0, '-c takes the script from its argument, not the heredoc');
    assert.equal(remote(`-${'c'.repeat(60_000)}1`), 1);
  });

  it('a YAML section of blanks and comments has no content, also with a long blank line', () => {
    const doc = (text: string) => parseKubernetes(text).documents.map((d) => d.doc?.toJS() as unknown);
    assert.deepEqual(doc('# only\n   \n# comments  \n'), [undefined]);
    assert.deepEqual(doc('# a\nkind: Pod\n'), [{ kind: 'Pod' }]);
    assert.deepEqual(doc(`${spaces(LONG)}x\n`), ['x']);
  });

  it('the YAML layout reads key-only lines, also past a key with a long run of spaces', () => {
    assert.deepEqual(detectLayout('a:\n    b:\n        - c\n'), { step: 4, seqIndent: 4 });
    assert.deepEqual(detectLayout('"a b" :  # x\n   c: 1\n'), { step: 3, seqIndent: 3 });
    assert.deepEqual(detectLayout(`a${spaces(LONG)}x\n    b: 1\nc  :\n - d\n`), { step: 2, seqIndent: 1 });
  });

  it('peer suppression ids and comments parse the same, also with long runs of spaces and zeros', () => {
    assert.equal(normalisePeerId('KSV-0017'), 'KSV-17');
    assert.equal(normalisePeerId('ksv000'), 'KSV-0');
    assert.equal(normalisePeerId(`KSV${'0'.repeat(LONG)}x`), `KSV${'0'.repeat(LONG)}X`);
    const dockerfile = (comment: string) => `FROM debian:12\n${comment}\nUSER root\n`;
    const user = (r: AnalysisResult) => ({ kept: r.findings.filter((f) => f.ruleId === 'docker-user-root').length, suppressed: r.suppressed.filter((s) => s.finding.ruleId === 'docker-user-root').length });
    assert.deepEqual(user(run('Dockerfile', dockerfile('# hadolint ignore= DL3002 , DL3008  '), true)), { kept: 0, suppressed: 1 });
    assert.deepEqual(user(run('Dockerfile', dockerfile(`# hadolint ignore=DL3002${spaces(LONG)}!`), true)), { kept: 1, suppressed: 0 });
    const yaml = (comment: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  ${comment}\nspec:\n  containers:\n    - name: a\n      image: a:1.0\n      securityContext:\n        privileged: true\n`;
    const reasons = (r: AnalysisResult) => r.suppressed.filter((s) => s.finding.ruleId === 'k8s-privileged-container').map((s) => s.reason);
    assert.deepEqual(reasons(run('pod.yaml', yaml('# checkov:skip=CKV_K8S_16:  lab only  '), true)), ['checkov: lab only (# checkov:skip=CKV_K8S_16:  lab only)']);
    const long = `# checkov:skip=CKV_K8S_16: a${spaces(LONG)}b`;
    assert.deepEqual(reasons(run('pod.yaml', yaml(long), true)), [`checkov: a${spaces(LONG)}b (${long})`]);
  });

  it('a getter returning a literal, or a user and a password, also before long runs of blanks', () => {
    const getter = 'String password() throws IOException, X { return "s3cr3t-value"; }';
    assert.deepEqual(returnedLiteralStart(getter, getter.indexOf('('), getter.length), { at: getter.indexOf('"'), lineEnd: getter.length });
    const hostileHead = `password() throws${spaces(190)}!`;
    assert.equal(returnedLiteralStart(hostileHead, hostileHead.indexOf('('), hostileHead.length), undefined);
    const pair = 'def creds(): return ("svc", "s3cr3t-value") ;';
    assert.deepEqual(returnedLiteralStart(pair, pair.indexOf('('), pair.length, true), { at: pair.indexOf('"s3'), lineEnd: pair.length });
    const hostilePair = `def creds(): return ("svc", "s3cr3t-value"${spaces(1050)}x`;
    assert.equal(returnedLiteralStart(hostilePair, hostilePair.indexOf('('), hostilePair.length, true), undefined);
  });

  it('a YAML `- name:` before `value:`, also after a long run of blanks', () => {
    const text = '  - name: PartnerSigningKey\n    value: "k"\n';
    assert.deepEqual(yamlNameValueStart(text, span(text, 'PartnerSigningKey'), line(text)), { at: text.indexOf('"'), lineEnd: text.length - 1 });
    const hostile = `${spaces(LONG)}x name: PartnerSigningKey\n    value: "k"\n`;
    assert.equal(yamlNameValueStart(hostile, span(hostile, 'PartnerSigningKey'), line(hostile)), undefined);
  });

  it('a container named for its secrets opens on its line, also before a long run of blanks', () => {
    const entry = (text: string) => secretContainerEntry(text, span(text, 'partnerSecrets'), line(text));
    const typed = 'partnerSecrets: Map<String, String> = mapOf(\n  "lab" to "x",\n';
    assert.equal(entry(typed), undefined, 'mapOf( is no opening this form reads');
    const go = 'var partnerSecrets = map[string]string{\n  "lab": "k3y-value",\n';
    assert.deepEqual(entry(go), { key: 'partnerSecret', at: go.indexOf('"k3y'), lineEnd: go.length - 1 });
    const csharp = 'partnerSecrets = new Dictionary<string, string>() {\n  "lab": "k3y-value",\n';
    assert.deepEqual(entry(csharp), { key: 'partnerSecret', at: csharp.indexOf('"k3y'), lineEnd: csharp.length - 1 });
    assert.equal(entry(`partnerSecrets =${spaces(LONG)}x\n  "lab": "k3y-value",\n`), undefined);
    assert.equal(entry(`partnerSecrets : ${'a'.repeat(61)} = {\n  "lab": "k3y-value",\n`), undefined, 'a type of more than 60 characters');
  });

  it('a TypeScript fix asserts a declared string type, also with a long run of blanks after an object key', () => {
    const fixText = (text: string) => run('file:///w/a.ts', text).findings.map((f) => [f.ruleId, f.fixes?.map((x) => x.edits.map((e) => e.newText))]);
    assert.deepEqual(fixText('const apiKey: string = "9fQ2xL7vR4mK8pT1wZ6cB3nH5jD0sG2a";\n'), [['secret-generic-password', [['process.env.API_KEY!']]]]);
    assert.deepEqual(fixText(`const cfg = { apiKey:${spaces(LONG)}"9fQ2xL7vR4mK8pT1wZ6cB3nH5jD0sG2a" };\n`), [['secret-generic-password', [['process.env.API_KEY']]]]);
  });

  it('a basic-auth pair of two items, also before blanks', () => {
    const text = 'auth=("svc", "s3cr3t-value" )';
    assert.equal(authPairPasswordStart(text, text.indexOf('='), text.length), text.indexOf('"s3'));
    const three = 'auth=("svc", "s3cr3t-value",  "x")';
    assert.equal(authPairPasswordStart(three, three.indexOf('='), three.length), undefined);
  });

  it('a bare key takes the name of the object opened above it, also below a long line', () => {
    assert.equal(qualifiedByParent('"requestSigning" : {\n  "key": "x"\n', 'key', 22), 'requestSigning.key');
    const hostile = `a:${spaces(LONG)}x\n  key: x\n`;
    assert.equal(qualifiedByParent(hostile, 'key', hostile.indexOf('\n') + 1), 'key');
  });

  it('a SQL statement that sets a password, also after a long run of blanks', () => {
    const text = "CREATE USER app  PASSWORD 'x'";
    assert.equal(sqlPasswordStart(text, span(text, 'PASSWORD'), line(text)), text.indexOf("'"));
    const hostile = `create user${spaces(180)}x PASSWORD 'x'`;
    assert.equal(sqlPasswordStart(hostile, span(hostile, 'PASSWORD'), line(hostile)), hostile.indexOf("'"));
    const one = "CREATE USER PASSWORD 'x'";
    assert.equal(sqlPasswordStart(one, span(one, 'PASSWORD'), line(one)), undefined, 'no user name');
  });

  it('enum cases and switch arms after comment lines, also after a long comment of # and /', () => {
    const php = "enum PartnerKey: string {\n  // the lab\n  # old\n  case Lab = 'k3y-value';\n}\n";
    assert.equal(enumCaseStart(php, php.indexOf('PartnerKey'), php.indexOf(':'), 0, php.indexOf('\n')), php.indexOf("'k3y"));
    const commented = "enum PartnerKey {\n  # Lab = 'k3y-value'\n}\n";
    assert.equal(enumCaseStart(commented, commented.indexOf('PartnerKey'), commented.indexOf(' {'), 0, commented.indexOf('\n')), commented.indexOf("'k3y"), 'as before: a case named inside a comment is read');
    const hostileEnum = `enum PartnerKey {\n  ${'#'.repeat(60)}\n}\n`;
    assert.equal(enumCaseStart(hostileEnum, hostileEnum.indexOf('PartnerKey'), hostileEnum.indexOf(' {'), 0, hostileEnum.indexOf('\n')), undefined);
    const kotlin = 'fun radioKey(depot: String) = when (depot) {\n  // north\n  "north" -> "k3y-value"\n}\n';
    assert.equal(returnedArmStart(kotlin, kotlin.indexOf('(')), kotlin.indexOf('"k3y'));
    const nextLineBody = 'fun radioKey(depot: String): String\n  = when (depot) {\n  else -> "k3y-value"\n}\n';
    assert.equal(returnedArmStart(nextLineBody, nextLineBody.indexOf('(')), nextLineBody.indexOf('"k3y'));
    const hostileArm = `fun radioKey(depot: String) = when (depot) {\n  ${'/'.repeat(120)}\n}\n`;
    assert.equal(returnedArmStart(hostileArm, hostileArm.indexOf('(')), undefined);
  });

  it('test annotations and the declared date, also with long runs of blanks', () => {
    assert.deepEqual(parseAnnotations('<!-- expect: a-rule@3-5 , b -->  \nx\n').map((a) => [a.kind, a.expected, a.targetLine]), [['expect', [{ ruleId: 'a-rule', column: 3, endColumn: 5 }, { ruleId: 'b', column: undefined, endColumn: undefined }], 1]]);
    assert.deepEqual(parseAnnotations(`# expect: a${spaces(LONG)}x\n`), []);
    assert.equal(declaredTestNow('<!-- bulwark-test-now: 2026-01-02 -->\n').now?.toISOString(), '2026-01-02T00:00:00.000Z');
    assert.deepEqual(declaredTestNow(`# bulwark-test-now:${spaces(LONG)}x y\n`), { problem: 'line 1: expected "# bulwark-test-now: YYYY-MM-DD"' });
  });
});
