import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver/node';
import { analyze, type AnalysisResult, type Finding, type RuleSet } from '../../server/src/engine';
import { PreparedDiagnosticsEncoder } from '../../server/src/lsp/diagnostic-json';
import { diagnosticsResultId, toDiagnostics } from '../../server/src/lsp/diagnostics';
import { DocumentDiagnostics } from '../../server/src/lsp/document-diagnostics';
import { EditableDocument } from '../../server/src/lsp/editable-document';
import { RuleSetService } from '../../server/src/lsp/rule-set-service';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';
import { dockerfileText } from '../bench/generate';
import { keystrokesAt, typingPoints, type Change } from '../bench/keystrokes';
import { editPoints } from '../bench/edit-points';
import { SeededRandom } from '../bench/random';
import { ANALYSIS_NOW, DOCKERFILE_URI, OpenDockerfile } from '../support/open-dockerfile';

// An open document's diagnostics are kept from one delivery to the next (document-diagnostics.ts): a
// finding's diagnostic, its JSON and its digest are reused while it shows the same, its JSON after the
// range when it only moved. After every keystroke what a pull answers and what a push sends must be
// exactly what a fresh analysis converted afresh gives: the items, the bytes on the wire, the result id.

async function wire(encoder: PreparedDiagnosticsEncoder, msg: unknown): Promise<string> {
  return Buffer.from(await encoder.encode(msg, { charset: 'utf-8' })).toString('utf8');
}

/** A push client and a pull client of one document, each with its delivery state and encoder. */
class Clients {
  private readonly pushEncoder = new PreparedDiagnosticsEncoder();
  private readonly pullEncoder = new PreparedDiagnosticsEncoder();
  private readonly pushed: DocumentDiagnostics;
  private readonly pulled: DocumentDiagnostics;
  private resultId: string | undefined;
  unchanged = 0;
  full = 0;

  constructor(private readonly rules: RuleSetService) {
    this.pushed = new DocumentDiagnostics(rules, this.pushEncoder);
    this.pulled = new DocumentDiagnostics(rules, this.pullEncoder);
  }

  /** Delivers `result` of `text` at `version` both ways and checks both against `fresh` converted afresh. */
  async check(result: AnalysisResult, fresh: AnalysisResult, text: string, version: number, what: string): Promise<void> {
    const doc = EditableDocument.create(DOCKERFILE_URI, 'dockerfile', version, text);
    const expected = toDiagnostics(fresh, EditableDocument.create(DOCKERFILE_URI, 'dockerfile', version, text), this.rules);
    const diagnostics = this.pushed.push({ result, version }, doc);
    assert.deepEqual(diagnostics, expected, `${what}: pushed diagnostics`);
    const publish = (items: Diagnostic[]) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: DOCKERFILE_URI, version, diagnostics: items } });
    assert.equal(await wire(this.pushEncoder, publish(diagnostics)), JSON.stringify(publish(expected)), `${what}: pushed bytes`);

    const report = this.pulled.pull({ result, version }, doc, this.resultId);
    const expectedId = diagnosticsResultId(expected);
    assert.equal(report.resultId, expectedId, `${what}: result id`);
    if (report.kind === 'unchanged') {
      this.unchanged++;
      assert.equal(this.resultId, expectedId, `${what}: unchanged only when the client holds these diagnostics`);
    } else {
      this.full++;
      assert.notEqual(this.resultId, expectedId, `${what}: a full report when the client holds others`);
      const response = (items: Diagnostic[]) => ({ jsonrpc: '2.0', id: version, result: { kind: 'full', resultId: expectedId, items } });
      assert.equal(await wire(this.pullEncoder, response(report.items)), JSON.stringify(response(expected)), `${what}: pulled bytes`);
    }
    this.resultId = report.resultId;
  }
}

describe('diagnostics kept between deliveries equal fresh ones (document-diagnostics.ts)', function () {
  this.timeout(300_000);
  let ruleSet: RuleSet;
  let rules: RuleSetService;

  before(() => {
    ruleSet = loadRuleSet([builtinPackRoot()]).ruleSet;
    rules = new RuleSetService(ruleSet, []);
  });

  const typings: { name: string; changes: (text: string) => Change[] }[] = [
    { name: 'a space typed at line ends and deleted', changes: (text) => typingPoints(text, 'dockerfile', 40, 'space').flatMap((p) => keystrokesAt(p, 'space')) },
    { name: 'a word typed in values and deleted', changes: (text) => typingPoints(text, 'dockerfile', 60, 'word').flatMap((p) => keystrokesAt(p, 'word')) },
    { name: 'Enter typed at line ends', changes: (text) => editPoints(text, 'dockerfile', 30).map((p): Change => ({ range: { start: p, end: p }, text: '\n' })) },
  ];
  for (const typing of typings) {
    it(`a generated 400-line Dockerfile: ${typing.name}`, async () => {
      const original = dockerfileText(new SeededRandom(11), 400);
      const open = new OpenDockerfile(original);
      const clients = new Clients(rules);
      let version = 1;
      const deliver = async (what: string) => {
        const fresh = analyze({ uri: DOCKERFILE_URI, text: open.text, languageId: 'dockerfile' }, ruleSet, { now: ANALYSIS_NOW });
        await clients.check(open.analyse(ruleSet), fresh, open.text, version, what);
      };
      await deliver('opened');
      const changes = typing.changes(original);
      assert.ok(changes.length >= 30, 'keystrokes to check');
      for (const change of changes) {
        const doc = EditableDocument.create(DOCKERFILE_URI, 'dockerfile', version, open.text);
        open.replace(doc.offsetAt(change.range.start), doc.offsetAt(change.range.end), change.text);
        version++;
        await deliver(`${JSON.stringify(change.text)} at ${change.range.start.line + 1}:${change.range.start.character + 1}`);
      }
      // A space at a line end moves nothing the client sees; a word or a line break changes what it sees.
      if (typing.name.startsWith('a space')) assert.equal(clients.unchanged, changes.length);
      else assert.ok(clients.full > changes.length / 2, `full reports: ${clients.full} of ${changes.length}`);
    });
  }

  it('a finding that keeps its id follows every field it shows', async () => {
    const text = 'FROM node:latest\nRUN echo hi\nFROM alpine\n';
    const doc = EditableDocument.create(DOCKERFILE_URI, 'dockerfile', 1, text);
    const base: Finding = { id: 'f1', ruleId: ruleSet.rules[0].meta.id, packId: 'core', severity: 'high', message: 'm', span: { start: 5, end: 16 }, fixes: [] };
    const related = (line: number) => [{ uri: 'file:///workspace/deploy.yaml', range: { start: { line, character: 0 }, end: { line, character: 3 } }, message: 'there' }];
    const variants: Finding[] = [
      base,
      { ...base },
      { ...base, span: { start: 17, end: 28 } },
      { ...base, span: { start: 17, end: 29 } },
      { ...base, severity: 'low' },
      { ...base, message: 'changed “é”' },
      { ...base, ruleId: ruleSet.rules[1].meta.id },
      { ...base, related: related(1) },
      { ...base, related: related(2) },
      base,
    ];
    const clients = new Clients(rules);
    for (const [i, f] of variants.entries()) {
      const result: AnalysisResult = { language: 'dockerfile', findings: [f, { ...f, id: 'f2', span: { start: 29, end: 40 } }], suppressed: [], notices: [] };
      await clients.check(result, result, doc.getText(), i + 1, `variant ${i}`);
    }
    assert.equal(clients.unchanged, 1, 'only the copy of the same finding is unchanged');
  });
});
