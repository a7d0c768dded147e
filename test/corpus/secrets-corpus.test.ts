import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusFiles, type CorpusScore, precision, readLabels, recall, scoreCorpus, scoreTable, SECRETS_CORPUS } from '../support/secrets-corpus';

// The secret rules on the labeled corpus (test/corpus/secrets/README.md): precision and recall must stay at
// the goals for the kinds this corpus labels (generic assignments and Kubernetes values). A failure
// prints the whole table, with each missed label and false alarm by file and line.

const PRECISION_GOAL = 0.97;
const RECALL_GOAL = 0.95;

describe('secret rules on the labeled corpus', function () {
  this.timeout(60_000);
  let score: CorpusScore;
  let table: string;
  before(() => {
    score = scoreCorpus();
    table = scoreTable(score).join('\n');
  });

  it('every label points at an existing line of a corpus file', () => {
    const files = new Set(corpusFiles());
    for (const label of readLabels()) {
      assert.ok(files.has(label.file), `labels.tsv names ${label.file}, which is not in the corpus`);
      const lines = fs.readFileSync(path.join(SECRETS_CORPUS, label.file), 'utf8').split('\n');
      assert.ok(label.line <= lines.length && lines[label.line - 1].trim() !== '', `${label.file}:${label.line} is empty or past the end`);
    }
  });

  it('covers the languages and both kinds', () => {
    const languages = new Set(score.labels.map((l) => l.file.split('/')[0]));
    for (const l of ['js', 'ts', 'python', 'go', 'java', 'kotlin', 'csharp', 'ruby', 'php', 'shell', 'yaml', 'json', 'dotenv', 'properties', 'ini', 'toml', 'hcl', 'xml', 'docker', 'k8s']) {
      assert.ok(languages.has(l), `no label in ${l}/`);
    }
    assert.deepEqual([...score.byKind.keys()].sort(), ['generic', 'k8s']);
  });

  for (const kind of ['generic', 'k8s']) {
    it(`${kind}: precision ≥ ${PRECISION_GOAL} and recall ≥ ${RECALL_GOAL}`, () => {
      const t = score.byKind.get(kind);
      assert.ok(t, `no ${kind} labels`);
      assert.ok(precision(t) >= PRECISION_GOAL && recall(t) >= RECALL_GOAL, `${kind}: precision ${precision(t).toFixed(3)}, recall ${recall(t).toFixed(3)}\n${table}`);
    });
  }

  it('no secret finding in skipped files (lockfiles, vendored code, minified bundles)', () => {
    const skipped = score.findings.filter((f) => f.file.startsWith('skipped/'));
    assert.deepEqual(skipped.map((f) => `${f.file}:${f.line} ${f.ruleId}`), []);
  });
});
