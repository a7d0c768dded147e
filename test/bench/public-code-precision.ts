import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';
import { compareWithReviewed, locator, readReviewed, scanUnits, type PublicFinding } from '../support/public-code-scan';
import { formatRecordedVersions, PUBLIC_CODE_DIR, readRecordedVersions, SET_PARTS, type SetUnit } from '../support/public-code-set';

// `npm run precision [-- --parts python3.11,node_modules] [--record]`: the secret rules on the public-code
// set (test/corpus/secrets/README.md, "Precision on public code"). Prints what was scanned, findings
// per rule and per MiB, every finding (masked) with its reviewed verdict or NEW, what went away, and
// precision = true-secret-shaped / all findings. --record writes the scanned units' versions to set.tsv,
// after a review of the findings of a new set.

function main(): void {
  const args = process.argv.slice(2);
  const partsAt = args.indexOf('--parts');
  const wanted = partsAt >= 0 ? args[partsAt + 1].split(',') : SET_PARTS.map((p) => p.name);
  const unknown = wanted.filter((w) => !SET_PARTS.some((p) => p.name === w));
  if (unknown.length > 0) throw new Error(`unknown part ${unknown.join(', ')}; the parts: ${SET_PARTS.map((p) => p.name).join(', ')}`);
  const { ruleSet } = loadRuleSet([builtinPackRoot()]);
  const recorded = readRecordedVersions();
  const units: SetUnit[] = [];
  let bytes = 0;
  let files = 0;
  const findings: PublicFinding[] = [];
  for (const part of SET_PARTS.filter((p) => wanted.includes(p.name))) {
    const listed = part.units();
    if (!Array.isArray(listed)) {
      console.log(`${part.name}: absent, ${(listed as { absent: string }).absent}`);
      continue;
    }
    const mine = listed as readonly SetUnit[];
    const before = process.cpuUsage();
    const scan = scanUnits(mine, ruleSet);
    const cpu = process.cpuUsage(before);
    const changed = mine.filter((u) => recorded.get(u.name) !== u.version);
    console.log(`${part.name} (${part.describe}): ${mine.length} unit${mine.length === 1 ? '' : 's'}, ${scan.files} files, ${(scan.bytes / 2 ** 20).toFixed(1)} MiB, ${scan.findings.length} findings, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} CPU s`);
    if (changed.length > 0) console.log(`  not as recorded in set.tsv (${changed.length}): ${changed.slice(0, 8).map((u) => `${u.name} ${u.version} (recorded: ${recorded.get(u.name) ?? 'none'})`).join('; ')}${changed.length > 8 ? '; …' : ''}`);
    units.push(...mine);
    bytes += scan.bytes;
    files += scan.files;
    findings.push(...scan.findings);
  }
  const mib = bytes / 2 ** 20;
  const perRule = new Map<string, number>();
  for (const f of findings) perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
  console.log(`\nIn all: ${files} files, ${bytes} bytes (${mib.toFixed(1)} MiB), ${findings.length} findings (${(findings.length / mib).toFixed(2)} per MiB)`);
  for (const [rule, n] of [...perRule].sort((a, b) => b[1] - a[1])) console.log(`  ${rule}: ${n} (${(n / mib).toFixed(3)} per MiB)`);

  const reviewed = readReviewed();
  const comparison = compareWithReviewed({ files, bytes, findings }, reviewed, units.map((u) => u.name));
  const verdictOf = new Map(reviewed.map((r) => [r.locator, r]));
  console.log('\nFindings (path:line:column:rule, masked value, verdict):');
  for (const f of findings) {
    const r = verdictOf.get(locator(f));
    console.log(`  ${locator(f)}  ${f.masked}  ${r ? `${r.verdict}: ${r.reason}` : 'NEW, not reviewed'}`);
  }
  if (comparison.gone.length > 0) {
    console.log(`\nGone since the review (${comparison.gone.length}): remove them from reviewed.tsv`);
    for (const r of comparison.gone) console.log(`  ${r.locator}  was ${r.verdict}: ${r.reason}`);
  }
  const trueShaped = comparison.matched.filter((r) => r.verdict === 'true-secret-shaped').length;
  for (const part of SET_PARTS.filter((p) => units.some((u) => u.part === p.name))) {
    const mine = findings.filter((f) => f.path.startsWith(`${part.name}/`));
    const shaped = mine.filter((f) => verdictOf.get(locator(f))?.verdict === 'true-secret-shaped').length;
    console.log(`${part.name}: ${shaped} of ${mine.length} findings true-secret-shaped${mine.length > 0 ? ` (${(shaped / mine.length).toFixed(3)})` : ''}`);
  }
  console.log(`\nNew: ${comparison.added.length}; gone: ${comparison.gone.length}; reviewed and found: ${comparison.matched.length}`);
  console.log(`Precision (true-secret-shaped / all findings): ${trueShaped} / ${findings.length}${findings.length > 0 ? ` = ${(trueShaped / findings.length).toFixed(3)}` : ''}${comparison.added.length > 0 ? ' (new findings count as not true until reviewed)' : ''}`);

  if (args.includes('--record')) {
    const merged = new Map(recorded);
    for (const part of wanted) for (const unit of [...merged.keys()]) if (unit === part || unit.startsWith(`${part}/`)) merged.delete(unit);
    for (const u of units) merged.set(u.name, u.version);
    const all = [...merged].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([name, version]) => ({ part: '', name, root: '', version }));
    fs.writeFileSync(path.join(PUBLIC_CODE_DIR, 'set.tsv'), formatRecordedVersions(all));
    console.log(`Recorded ${units.length} units' versions in set.tsv`);
  }
}

main();
