import type { RuleSet } from '../engine';
import type { RulesFormat } from './args';
import { jsonTerminalSafe, terminalSafe } from './terminal-text';
import { TOOL_VERSION } from './tool-info';

export function formatRules(ruleSet: RuleSet, format: RulesFormat): string {
  const rules = [...ruleSet.rules.map((r) => r.meta)].sort((a, b) => a.id.localeCompare(b.id));
  if (format === 'json') {
    const document = {
      version: 1,
      tool: { name: 'bulwark', version: TOOL_VERSION },
      packs: ruleSet.packs.map((p) => ({ id: p.id, version: p.version, description: p.description })),
      rules: rules.map((r) => ({
        id: r.id,
        pack: r.packId,
        severity: r.severity,
        confidence: r.confidence,
        language: r.language,
        title: r.title,
        tags: r.tags,
        cwe: r.cwe,
        hasFix: r.fix !== undefined,
      })),
    };
    return jsonTerminalSafe(JSON.stringify(document, null, 2)) + '\n';
  }
  const header = ['ID', 'SEVERITY', 'LANGUAGE', 'PACK', 'TITLE'];
  // Pack text (ids, titles) is printed through terminalSafe: a pack must not write to the terminal.
  const rows = rules.map((r) => [r.id, r.severity, r.language, r.packId, r.title].map(terminalSafe));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  const packs = ruleSet.packs.map((p) => terminalSafe(`${p.id}@${p.version}`)).join(', ');
  return [line(header), ...rows.map(line), '', `${rules.length} rule${rules.length === 1 ? '' : 's'} from ${packs || 'no packs'}.`, ''].join('\n');
}
