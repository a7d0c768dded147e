import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, onlyRules, type Finding } from '../../server/src/engine';
import { parseKubernetes } from '../../server/src/engine/parsers/kubernetes';
import { LineIndex } from '../../server/src/engine/text';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';
import { LABELED } from './peer-agreement';

// `npm run agree`: for every peer check in ../shared/corpora/labeled that one of our rules names in
// `peers:`, how many of the peer's positive fixtures we flag at the right place and how many of its
// negative fixtures we leave clean. The right place: the resource the peer names (Checkov's
// `Kind.namespace.name`, or the Dockerfile instruction, `Dockerfile.RUN`), else the file. Where we
// disagree on purpose, the rule's README says why (and test/peers/*-peers.test.ts lists the cases).
// Goal (issue 9): ≥ 95% of positives, ≤ 2% of negatives flagged. Prints only; never fails.

interface IndexRecord {
  readonly tool: string;
  readonly platform: string;
  readonly check_id: string;
  readonly expected: string;
  readonly expected_failing_resources?: readonly string[];
}

/** Our `peers:` tool and id → the corpus's tool and check ids. */
export function corpusIds(tool: string, id: string): { tool: string; checkIds: string[] } | undefined {
  if (tool === 'trivy') return { tool: 'trivy-checks', checkIds: [id] };
  if (tool === 'checkov' || tool === 'kube-linter' || tool === 'polaris') return { tool, checkIds: [id] };
  const pss = tool === 'pss' ? /^pss-([br]):(\w+)$/.exec(id) : null;
  if (!pss) return undefined;
  const check = pss[2].toLowerCase();
  // Restricted includes every Baseline control, so its fixtures for a Baseline check count too.
  return { tool: 'pod-security-admission', checkIds: pss[1] === 'b' ? [`baseline/${check}`, `restricted/${check}`] : [`restricted/${check}`] };
}

interface Row {
  readonly peer: string;
  readonly rules: Set<string>;
  positives: number;
  flagged: number;
  negatives: number;
  clean: number;
  readonly misses: string[];
}

function main(): void {
  if (!fs.existsSync(path.join(LABELED, 'INDEX.json'))) {
    console.log(`agree skipped: the labeled corpus ${LABELED} is absent (../shared is not on this machine).`);
    return;
  }
  const index = JSON.parse(fs.readFileSync(path.join(LABELED, 'INDEX.json'), 'utf8')) as Record<string, IndexRecord>;
  const { ruleSet } = loadRuleSet([builtinPackRoot()]);
  const rows = new Map<string, Row>();
  const byFixture = new Map<string, { record: IndexRecord; row: Row }[]>();
  for (const rule of ruleSet.rules) {
    for (const [tool, ids] of Object.entries(rule.meta.peers)) {
      for (const id of ids) {
        const mapped = corpusIds(tool, id);
        if (!mapped) continue;
        for (const [fixture, record] of Object.entries(index)) {
          if (record.tool !== mapped.tool || !mapped.checkIds.includes(record.check_id)) continue;
          if (record.expected !== 'positive' && record.expected !== 'negative') continue;
          const key = `${record.tool} ${record.check_id}`;
          const row = rows.get(key) ?? { peer: key, rules: new Set<string>(), positives: 0, flagged: 0, negatives: 0, clean: 0, misses: [] };
          rows.set(key, row);
          row.rules.add(rule.meta.id);
          const entries = byFixture.get(fixture) ?? [];
          if (!entries.some((e) => e.row === row)) entries.push({ record, row });
          byFixture.set(fixture, entries);
        }
      }
    }
  }
  for (const [fixture, entries] of byFixture) {
    const text = fs.readFileSync(path.join(LABELED, fixture), 'utf8');
    for (const { record, row } of entries) {
      const rules = onlyRules(ruleSet, row.rules);
      const languageId = record.platform === 'dockerfile' ? 'dockerfile' : undefined;
      const findings = analyze({ uri: fixture, text, languageId }, rules, { now: new Date() }).findings;
      const hit = findings.some((f) => atRightPlace(f, text, record));
      if (record.expected === 'positive') {
        row.positives++;
        if (hit) row.flagged++;
        else row.misses.push(`missed ${fixture}`);
      } else {
        row.negatives++;
        if (findings.length === 0) row.clean++;
        else row.misses.push(`flagged ${fixture}`);
      }
    }
  }
  print([...rows.values()].sort((a, b) => a.peer.localeCompare(b.peer)), process.argv.includes('--verbose'));
}

/** In the resource the peer names, when it names one; else anywhere in the file. */
function atRightPlace(finding: Finding, text: string, record: IndexRecord): boolean {
  const resources = record.expected_failing_resources ?? [];
  if (resources.length === 0) return true;
  if (record.platform === 'dockerfile') {
    const keywords = resources.map((r) => /\.([A-Z]+)$/.exec(r)?.[1]).filter((k): k is string => !!k);
    const lines = new LineIndex(text);
    let line = lines.lineOf(finding.span.start);
    // A finding on a continuation line belongs to the instruction above.
    while (line > 0 && /\\\s*$/.test(lines.lineText(line - 1))) line--;
    const keyword = /^\s*([A-Za-z]+)/.exec(lines.lineText(line))?.[1]?.toUpperCase() ?? '';
    return keywords.length === 0 || keywords.includes(keyword);
  }
  const document = parseKubernetes(text).documents.find((d) => d.base <= finding.span.start && finding.span.start <= d.base + d.text.length);
  if (!document) return false;
  const kind = /^kind:\s*["']?([\w-]+)/m.exec(document.text)?.[1];
  const name = /^metadata:\s*\n(?:[ \t]+.*\n)*?[ \t]+name:\s*["']?([^\s"'#]+)/m.exec(document.text)?.[1];
  return resources.some((r) => {
    const [rKind, , ...rest] = r.split('.');
    return rKind === kind && rest.join('.') === name;
  });
}

function print(rows: readonly Row[], verbose: boolean): void {
  const pct = (n: number, of: number) => (of === 0 ? '    -' : `${((100 * n) / of).toFixed(0).padStart(4)}%`);
  console.log(`${'peer check'.padEnd(44)} ${'our rules'.padEnd(48)} ${'positives flagged'.padStart(18)} ${'negatives clean'.padStart(16)}`);
  let goalMet = 0;
  for (const r of rows) {
    const posOk = r.positives === 0 || r.flagged / r.positives >= 0.95;
    const negOk = r.negatives === 0 || (r.negatives - r.clean) / r.negatives <= 0.02;
    if (posOk && negOk) goalMet++;
    const mark = posOk && negOk ? '' : '  (below goal: see the rule README / peer tests for why)';
    console.log(`${r.peer.padEnd(44)} ${[...r.rules].join(', ').padEnd(48)} ${`${r.flagged}/${r.positives}`.padStart(12)}${pct(r.flagged, r.positives)} ${`${r.clean}/${r.negatives}`.padStart(10)}${pct(r.clean, r.negatives)}${mark}`);
    if (verbose) for (const m of r.misses) console.log(`    ${m}`);
  }
  console.log(`\n${goalMet}/${rows.length} peer checks meet the goal (≥ 95% of positives at the right place, ≤ 2% of negatives flagged).`);
}

main();
