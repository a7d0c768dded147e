import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  corpusFiles,
  type CorpusScore,
  developmentPart,
  HELD_OUT_BATCHES,
  heldOutBatchOf,
  heldOutPart,
  precision,
  readLabels,
  recall,
  scoreCorpus,
  scorePart,
  scoreTable,
  SECRETS_CORPUS,
} from '../support/secrets-corpus';

// The secret rules on the labeled corpus (test/corpus/secrets/README.md). On the development batches,
// precision and recall must stay at the goals for the kinds they label (generic assignments and
// Kubernetes values, and since batch 7 provider tokens, JWTs and URI credentials); batches 4 and 6–12 count among
// them since the detectors were changed for their misses. A held-out batch was written after that tuning and scored before
// any change: it is held to a floor (what it scored then), so no change loses what it found, and its gap
// to the goals stays visible in `npm run bench`. A failure prints the part's table, with each missed label
// and false alarm by file and line.

const PRECISION_GOAL = 0.97;
const RECALL_GOAL = 0.95;
/** Batches 1–6 label generic assignments and Kubernetes values; batches 7 and 8 add provider tokens, JWTs and URI credentials. */
const DEVELOPMENT_KINDS = ['generic', 'k8s', 'provider', 'jwt', 'uri'];
const LANGUAGES = ['js', 'ts', 'python', 'go', 'java', 'kotlin', 'csharp', 'ruby', 'php', 'shell', 'yaml', 'json', 'dotenv', 'properties', 'ini', 'toml', 'hcl', 'xml', 'docker', 'k8s'];

/**
 * Each held-out batch: the languages it must cover, and its score when first measured (README, "How it
 * was built") per kind: labels found at least, false alarms (reported lines) at most. A floor against
 * regressions, not a goal. A false alarm that learning an earlier batch added is measured on the second score and
 * allowed with its reason beside it (never fixed while the batch is held out: that would tune on it).
 */
const HELD_OUT: Readonly<Record<string, { languages: readonly string[]; floors: Readonly<Record<string, { found: number; falseAlarms: number }>> }>> = {
  'batch 5': {
    languages: ['js', 'ts', 'python', 'go', 'java', 'csharp', 'ruby', 'php', 'shell', 'yaml', 'json', 'dotenv', 'dotfiles', 'hcl', 'xml', 'docker', 'k8s'],
    floors: { provider: { found: 36, falseAlarms: 0 }, jwt: { found: 3, falseAlarms: 0 }, uri: { found: 22, falseAlarms: 0 } },
  },
  'batch 18': {
    languages: [...LANGUAGES, 'dotfiles'],
    floors: {
      // First scored with 1 false alarm. Learning batch 17 gave hex key material its own entropy floor (a random 32-hex
      // key was rejected one time in five), which made this unseen batch's search-only Algolia key (32 hex under a
      // `…_SEARCH_ONLY_KEY` name, public by design) a second one: measured on the second score, left unfixed so
      // batch 18 stays unseen until its forms are learned (README item 19).
      generic: { found: 75, falseAlarms: 2 },
      k8s: { found: 21, falseAlarms: 1 },
      provider: { found: 66, falseAlarms: 0 },
      jwt: { found: 8, falseAlarms: 0 },
      uri: { found: 34, falseAlarms: 0 },
    },
  },
};

const labeledKinds = (part: CorpusScore) => [...new Set(part.labels.map((l) => l.kind))].sort();

describe('secret rules on the labeled corpus', function () {
  // Scoring the whole corpus takes ~30 s idle: a hang guard, sized for a machine shared with other jobs.
  this.timeout(180_000);
  let score: CorpusScore;
  before(() => {
    score = scoreCorpus();
  });

  it('every label points at an existing line of a corpus file', () => {
    const files = new Set(corpusFiles());
    for (const label of readLabels()) {
      assert.ok(files.has(label.file), `labels.tsv names ${label.file}, which is not in the corpus`);
      const lines = fs.readFileSync(path.join(SECRETS_CORPUS, label.file), 'utf8').split('\n');
      assert.ok(label.line <= lines.length && lines[label.line - 1].trim() !== '', `${label.file}:${label.line} is empty or past the end`);
    }
  });

  it('a held-out batch is exactly the labels noted with its name and the files in its folders', () => {
    for (const label of readLabels()) {
      const batch = heldOutBatchOf(label.file);
      const noted = HELD_OUT_BATCHES.find((b) => label.note.startsWith(`${b.name}:`))?.name;
      assert.equal(batch, noted, `${label.file}:${label.line} is in ${batch ?? 'the development part'} but noted "${label.note}"`);
    }
  });

  describe('development batches (the detectors were tuned on them)', () => {
    let part: CorpusScore;
    before(() => {
      part = developmentPart(score);
    });

    it('covers the languages and the five kinds', () => {
      const languages = new Set(part.labels.map((l) => l.file.split('/')[0]));
      for (const l of LANGUAGES) assert.ok(languages.has(l), `no label in ${l}/`);
      assert.deepEqual(labeledKinds(part), [...DEVELOPMENT_KINDS].sort());
    });

    it('holds batch 4 (harbor/ folders), development data since the detectors learned its misses', () => {
      const batch4 = part.labels.filter((l) => l.note.startsWith('batch 4:'));
      assert.equal(batch4.length, 113);
      assert.ok(batch4.every((l) => l.file.split('/')[1] === 'harbor'));
    });

    it('holds batch 6 (quarry/ folders), development data since the detectors learned its misses', () => {
      const batch6 = part.labels.filter((l) => l.note.startsWith('batch 6:'));
      assert.equal(batch6.length, 85);
      assert.ok(batch6.every((l) => l.file.split('/')[1] === 'quarry'));
    });

    it('holds batch 7 (lantern/ folders), development data since the detectors learned its misses', () => {
      const batch7 = part.labels.filter((l) => l.note.startsWith('batch 7:'));
      assert.equal(batch7.length, 199);
      assert.ok(batch7.every((l) => l.file.split('/')[1] === 'lantern'));
    });

    it('holds batch 8 (meridian/ folders), development data since the detectors learned its misses', () => {
      const batch8 = part.labels.filter((l) => l.note.startsWith('batch 8:'));
      assert.equal(batch8.length, 157);
      assert.ok(batch8.every((l) => l.file.split('/')[1] === 'meridian'));
    });

    // Batches learned by their forms, with no false alarm: every label found, but for one of batch 11's positional
    // passwords (README item 12: twilio's Client in Python, a name too generic for the signature table), four of
    // batch 12's (item 13: `rabbitmqctl add_user`, a partner map named `…Auth`, a PagerDuty `routing_key` and a
    // `.netrc` line written by `printf`, each one tool's shape) and two of batch 13's (item 14: a Dockerfile `ADD`
    // URL whose random password holds `...`, read as a masked value, and a `cmp.Or` fallback under a key named `…PIN`,
    // not a secret name) and three of batch 14's (item 15: Moodle's `passwordsaltmain`, `salt` inside one tool's
    // compound name with a value holding `#`; himalaya's `backend.auth.raw`, where every child of an `auth` key would
    // have to be a secret; a Kratos `secrets.cookie` block list item, list items not read as values) and one of batch 15's
    // (item 16: a Kotlin named argument `appCertificate`, a name that means public material everywhere but in Agora's SDK); batches 16 and 17 (items 17 and 18) were learned whole. Batch 9's two rare forms (README item 10) were learned with batch 10's (item 11); batch
    // 10's .pgpass wildcard line and public Mapbox token, and batch 11's anonymous-FTP .netrc line, stay quiet.
    for (const { batch, folder, labels, found } of [
      { batch: 'batch 9', folder: 'kestrel', labels: 201, found: 201 },
      { batch: 'batch 10', folder: 'juniper', labels: 180, found: 180 },
      { batch: 'batch 11', folder: 'osprey', labels: 227, found: 226 },
      { batch: 'batch 12', folder: 'puffin', labels: 244, found: 240 },
      { batch: 'batch 13', folder: 'tern', labels: 258, found: 256 },
      { batch: 'batch 14', folder: 'wren', labels: 254, found: 251 },
      { batch: 'batch 15', folder: 'plover', labels: 254, found: 253 },
      { batch: 'batch 16', folder: 'avocet', labels: 266, found: 266 },
      { batch: 'batch 17', folder: 'curlew', labels: 258, found: 258 },
    ]) {
      it(`holds ${batch} (${folder}/ folders), development data since the detectors learned its forms`, () => {
        const own = part.labels.filter((l) => l.note.startsWith(`${batch}:`));
        assert.equal(own.length, labels);
        assert.ok(own.every((l) => l.file.split('/')[1] === folder));
        const t = scorePart(part, (file) => file.split('/')[1] === folder).total;
        assert.ok(t.tp >= found && t.fp === 0, `${batch}: ${t.tp} found, ${t.fp} false alarm(s)`);
      });
    }

    it(`no false alarm of the provider, JWT and URI rules outside batches 7 to 17 (the development batches that label their kinds)`, () => {
      const older = scorePart(part, (file) => !['lantern', 'meridian', 'kestrel', 'juniper', 'osprey', 'puffin', 'tern', 'wren', 'plover', 'avocet', 'curlew'].includes(file.split('/')[1]));
      const alarms = [...older.byKind.entries()].filter(([kind, t]) => kind !== 'generic' && kind !== 'k8s' && t.fp > 0);
      assert.deepEqual(alarms, [], scoreTable(older).join('\n'));
    });

    for (const kind of DEVELOPMENT_KINDS) {
      it(`${kind}: precision ≥ ${PRECISION_GOAL} and recall ≥ ${RECALL_GOAL}`, () => {
        const t = part.byKind.get(kind);
        assert.ok(t, `no ${kind} labels`);
        assert.ok(precision(t) >= PRECISION_GOAL && recall(t) >= RECALL_GOAL, `${kind}: precision ${precision(t).toFixed(3)}, recall ${recall(t).toFixed(3)}\n${scoreTable(part).join('\n')}`);
      });
    }
  });

  for (const batch of HELD_OUT_BATCHES) {
    describe(`held-out ${batch.name} (${batch.folder}/ folders)`, () => {
      let part: CorpusScore;
      before(() => {
        part = heldOutPart(score, batch.name);
      });

      it(`covers its languages and kinds (${batch.kinds.join(', ')})`, () => {
        const languages = new Set(part.labels.map((l) => l.file.split('/')[0]));
        for (const l of HELD_OUT[batch.name]?.languages ?? []) assert.ok(languages.has(l), `no label in ${l}/${batch.folder}/`);
        assert.deepEqual(labeledKinds(part), [...batch.kinds].sort());
      });

      it('false alarms only in the kinds it labels', () => {
        const alarms = [...part.byKind.entries()].filter(([kind, t]) => !batch.kinds.includes(kind) && t.fp > 0);
        assert.deepEqual(alarms, [], scoreTable(part).join('\n'));
      });

      for (const [kind, floor] of Object.entries(HELD_OUT[batch.name]?.floors ?? {})) {
        it(`${kind}: no fewer than ${floor.found} found and no more than ${floor.falseAlarms} false alarm(s), as held-out scored`, () => {
          const t = part.byKind.get(kind) ?? { tp: 0, fp: 0, fn: 0 };
          assert.ok(t.tp >= floor.found && t.fp <= floor.falseAlarms, `${kind}: ${t.tp} found, ${t.fp} false alarm(s)\n${scoreTable(part).join('\n')}`);
        });
      }
    });
  }

  it('every held-out batch has a floor for each of its kinds', () => {
    assert.deepEqual(Object.keys(HELD_OUT).sort(), HELD_OUT_BATCHES.map((b) => b.name).sort());
    for (const b of HELD_OUT_BATCHES) assert.deepEqual(Object.keys(HELD_OUT[b.name].floors).sort(), [...b.kinds].sort(), b.name);
  });

  it('no secret finding in skipped files (lockfiles, vendored code, minified bundles)', () => {
    const skipped = score.findings.filter((f) => f.file.startsWith('skipped/'));
    assert.deepEqual(skipped.map((f) => `${f.file}:${f.line} ${f.ruleId}`), []);
  });
});
