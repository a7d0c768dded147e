import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RuleSet } from '../../server/src/engine';
import { parseCommand, type ScanFormat } from '../../server/src/cli/args';
import type { ScanReport } from '../../server/src/cli/report';
import { renderReport } from '../../server/src/cli/run';
import { runScan } from '../../server/src/cli/scan';

// Runs the scan pipeline in-process with an injected rule set (the CLI's own code path after pack
// loading), for behaviours that need rules no template offers yet.

export function scanInProcess(cwd: string, ruleSet: RuleSet, args: readonly string[] = []): ScanReport {
  const command = parseCommand(['scan', ...args], {});
  if (command.kind !== 'scan') throw new Error(`not a scan: ${args.join(' ')}`);
  return runScan(command.options, { cwd, now: new Date('2026-01-15T00:00:00Z'), ruleSet });
}

export function renderAll(report: ScanReport): Record<ScanFormat, string> {
  const formats: readonly ScanFormat[] = ['text', 'json', 'sarif', 'codequality'];
  return Object.fromEntries(formats.map((f) => [f, renderReport(report, f, false)])) as Record<ScanFormat, string>;
}

export function tempDir(files: Readonly<Record<string, string | Buffer>>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-cli-'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}
