import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type AnalysisResult } from '../../../server/src/engine';
import { discoverRuleFolders } from '../../../server/src/node/rule-fixtures';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';
import { REALWORLD } from '../../support/shared-folder';

// Hostile documents (issue 11): rule fixtures and real-world files mutated byte by byte and cut
// short, and generated deep nesting for shell and YAML. No document may crash the engine, take a
// second (a bound that catches hangs, not a speed measure), or make a rule fail; and a plain
// `RUN curl -k https://x | sh` (or a privileged container) planted beside the hostile part must
// still be reported. CI runs a fixed seed; FUZZ_SEED=n FUZZ_COUNT=n run other or longer campaigns.

const { ruleSet } = loadRuleSet([builtinPackRoot()]);
const NOW = new Date('2026-06-01T00:00:00Z');
const SEED = Number(process.env.FUZZ_SEED ?? 11) || 11;
const COUNT = Math.max(1, Number(process.env.FUZZ_COUNT ?? 120) || 120);
const BOUND_MS = 1000;

/** Deterministic xorshift: a failure names its seed and case, and reproduces. */
function random(seed: number): { next(): number; int(n: number): number; pick<T>(items: readonly T[]): T } {
  let x = seed >>> 0 || 1;
  const next = (): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (items) => items[Math.floor(next() * items.length)] };
}
type Random = ReturnType<typeof random>;

function timedAnalyze(name: string, text: string, where: string): AnalysisResult {
  const t0 = performance.now();
  const result = analyze({ uri: `file:///w/${name}`, text }, ruleSet, { now: NOW });
  const ms = performance.now() - t0;
  assert.ok(ms < BOUND_MS, `${where}: ${ms.toFixed(0)} ms (bound ${BOUND_MS} ms, ${text.length} chars)`);
  assert.deepEqual(result.notices.filter((n) => n.code === 'rule-failed').map((n) => n.message), [], where);
  for (const f of result.findings) assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length, `${where}: ${f.ruleId} span out of range`);
  return result;
}

const BYTES = ['\u0000', '\u0001', '\u001b', '\ufffd', '\ud800', '"', "'", '`', '$', '(', ')', '{', '}', '[', ']', '\\', '\n', '\r', '\t', '#', '&', '*', ':', '-', '|', '<', '>', ';'];

function mutate(text: string, r: Random): string {
  let out = text;
  const flips = 1 + r.int(8);
  for (let i = 0; i < flips; i++) {
    const at = r.int(out.length + 1);
    switch (r.int(3)) {
      case 0:
        out = out.slice(0, at) + r.pick(BYTES) + out.slice(at + 1); // a flipped byte
        break;
      case 1:
        out = out.slice(0, at) + r.pick(BYTES) + out.slice(at); // an inserted one
        break;
      default:
        out = out.slice(0, at); // cut short
    }
  }
  return out;
}

/** Hostile shell for one RUN instruction: deep or long constructs (up to ~10 KB) the reader must survive. */
const SHELL: ((r: Random) => string)[] = [
  (r) => `echo ${'$(echo '.repeat(r.int(1500))}x`,
  (r) => `echo ${'$(echo '.repeat(r.int(1500))}x${')'.repeat(r.int(1500))}`,
  (r) => `echo ${'`echo '.repeat(r.int(1500))}`,
  (r) => `echo ${'"$(`'.repeat(r.int(1500))}`,
  (r) => `echo ${"'$(\"".repeat(r.int(1500))}`,
  (r) => `${'('.repeat(r.int(3000))}a${')'.repeat(r.int(3000))}`,
  (r) => `${'{ '.repeat(r.int(2000))}a;${' }'.repeat(r.int(2000))}`,
  (r) => `${'sh -c "'.repeat(1 + r.int(60))}id`,
  (r) => `echo $(${'a;'.repeat(r.int(2500))})`,
  (r) => `${'a|'.repeat(r.int(2500))}a`,
  (r) => {
    // Many heredocs on one line, each terminated (an unterminated one rightly swallows the rest of the file).
    const n = r.int(400);
    return `cat ${Array.from({ length: n }, (_, i) => `<<E${i}`).join(' ')}\n${Array.from({ length: n }, (_, i) => `$(curl\nE${i}`).join('\n')}`;
  },
  (r) => `echo ${'${'.repeat(r.int(3000))}x`,
  (r) => `echo $(( ${'('.repeat(r.int(3000))}1`,
  (r) => `if a; then ${'if b; then '.repeat(r.int(800))}c`,
  (r) => `case x in ${'a) case y in '.repeat(r.int(600))}`,
];

const PLANTED = 'RUN curl -k https://x | sh';

function assertPlantedReported(text: string, result: AnalysisResult, where: string): void {
  const at = text.indexOf(PLANTED) + 'RUN '.length;
  const spans = result.findings.filter((f) => f.span.start >= at && f.span.start < at + PLANTED.length).map((f) => [f.ruleId, f.span.start, f.span.end]);
  assert.deepEqual(spans, [
    ['docker-remote-script-piped-to-shell', at, at + 'curl -k https://x | sh'.length],
    ['docker-tls-verify-disabled', at + 'curl '.length, at + 'curl -k'.length],
  ], where);
}

function hostileDockerfile(r: Random): string {
  const hostile = r.pick(SHELL)(r);
  const form = r.int(3);
  const instruction = form === 0 ? `RUN ${hostile}` : form === 1 ? `RUN <<EOF\n${hostile}\nEOF` : `RUN ["sh", "-c", ${JSON.stringify(hostile)}]`;
  const before = r.int(2) === 0;
  return `FROM alpine:3.20\n${before ? `${instruction}\n${PLANTED}\n` : `${PLANTED}\n${instruction}\n`}USER 10001\n`;
}

const PRIVILEGED = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext: {privileged: true}\n';

/** Hostile YAML for one `---` section (up to ~20 KB): flow and block nesting, alias chains. */
const YAML: ((r: Random) => string)[] = [
  (r) => `kind: Pod\nspec: ${'['.repeat(r.int(1500))}`,
  (r) => `kind: Pod\nspec: ${'{a: '.repeat(r.int(1000))}1${'}'.repeat(r.int(1000))}`,
  (r) => `kind: Pod\nspec:\n${Array.from({ length: r.int(200) }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} 1`,
  (r) => `kind: Pod\nspec:\n${Array.from({ length: r.int(200) }, (_, i) => `${' '.repeat(i)}- `).join('\n')}x`,
  (r) => {
    const n = 5 + r.int(30);
    const lines = ['kind: Pod', 'a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < n; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
    return `${lines.join('\n')}\nspec: *a${n - 1}`;
  },
  (r) => `kind: Pod\n${Array.from({ length: r.int(1500) }, (_, i) => `k${i}: &x${i} *x${Math.max(0, i - 1)}`).join('\n')}`,
  (r) => `kind: Pod\nspec: "${'\\'.repeat(r.int(10_000))}`,
];

function hostileManifest(r: Random): string {
  const hostile = r.pick(YAML)(r);
  return r.int(2) === 0 ? `${hostile}\n---\n${PRIVILEGED}` : `${PRIVILEGED}---\n${hostile}\n`;
}

function assertPrivilegedReported(text: string, result: AnalysisResult, where: string): void {
  const at = text.indexOf('privileged: true', text.indexOf(PRIVILEGED));
  assert.ok(result.findings.some((f) => f.ruleId === 'k8s-privileged-container' && f.span.start >= at && f.span.end <= at + 'privileged: true'.length), `${where}: the planted privileged container is reported`);
}

/** Rule fixtures, and real-world files up to 64 KB when ../shared is present. */
function seedDocuments(): { name: string; text: string }[] {
  const docs = discoverRuleFolders(builtinPackRoot()).flatMap((folder) => folder.fixtures.map((f) => ({ name: f.name, text: f.text })));
  if (!fs.existsSync(REALWORLD)) return docs;
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const file of [...walk(path.join(REALWORLD, 'dockerfiles')), ...walk(path.join(REALWORLD, 'k8s'))].sort()) {
    if (fs.statSync(file).size > 64 * 1024) continue;
    const base = path.basename(file);
    const name = /\.(ya?ml|json)$/.test(base) ? base : /dockerfile/i.test(file) ? 'Dockerfile' : base;
    docs.push({ name, text: fs.readFileSync(file, 'utf8') });
  }
  return docs;
}

describe(`hostile documents (FUZZ_SEED=${SEED}, FUZZ_COUNT=${COUNT})`, function () {
  this.timeout(COUNT * 3 * BOUND_MS + 60_000);

  // The bound is for hangs, not for the JIT: every generator runs once untimed first.
  before(() => {
    const r = random(1);
    for (const generate of SHELL) analyze({ uri: 'file:///w/Dockerfile', text: `FROM a\nRUN ${generate(r)}\n${PLANTED}\n` }, ruleSet, { now: NOW });
    for (const generate of YAML) analyze({ uri: 'file:///w/pod.yaml', text: `${generate(r)}\n---\n${PRIVILEGED}` }, ruleSet, { now: NOW });
  });

  it('deep or long shell never blinds the rules for a plain RUN beside it', () => {
    const r = random(SEED);
    for (let i = 0; i < COUNT; i++) {
      const text = hostileDockerfile(r);
      const where = `shell case ${i} (seed ${SEED}) ${JSON.stringify(text.length > 200 ? `${text.slice(0, 120)}…${text.slice(-80)}` : text)}`;
      assertPlantedReported(text, timedAnalyze('Dockerfile', text, where), where);
    }
  });

  it('deep YAML nesting and alias chains never hide a privileged container in another section', () => {
    const r = random(SEED * 31 + 7);
    for (let i = 0; i < Math.ceil(COUNT / 2); i++) {
      const text = hostileManifest(r);
      const where = `yaml case ${i} (seed ${SEED}) ${JSON.stringify(text.length > 200 ? `${text.slice(0, 120)}…${text.slice(-80)}` : text)}`;
      assertPrivilegedReported(text, timedAnalyze('pod.yaml', text, where), where);
    }
  });

  it('mutated rule fixtures and real-world files analyse cleanly', () => {
    const r = random(SEED * 7919 + 1);
    const documents = seedDocuments();
    for (let i = 0; i < COUNT * 2; i++) {
      const doc = r.pick(documents);
      timedAnalyze(doc.name, mutate(doc.text, r), `mutation ${i} of ${doc.name} (seed ${SEED})`);
    }
  });
});
