import type { LineIndex } from './text';
import type { RuleSet } from './types';

// Teams moving from another tool keep its suppression comments. With AnalyzeOptions.honorPeerSuppressions
// (opt-in: bulwark.honorPeerSuppressions, bulwark scan --honor-peer-suppressions) these suppress our rules
// that name the suppressed check in `peers:`; the finding is listed as suppressed with the comment as reason.
//   # hadolint ignore=DL3008,DL3009      the next instruction      # hadolint global ignore=DL3003  the file
//   # checkov:skip=CKV_K8S_20:reason      the YAML document (or Dockerfile) the comment is in
//   # kics-scan ignore-line               the next line, every rule with a kics peer; ignore-block: its block
//   # kics-scan ignore                    the file
//   # trivy:ignore:KSV-0017[:exp:DATE]    the next line and the block it opens (a top-level key: its document)

export interface PeerSuppression {
  readonly tool: 'hadolint' | 'checkov' | 'kics' | 'trivy';
  /** Our rule ids it covers, through each rule's `peers:` mapping. */
  readonly ruleIds: readonly string[];
  /** 0-based lines covered, inclusive. */
  readonly fromLine: number;
  readonly toLine: number;
  /** The comment as written, and the peer's own reason when it carries one. */
  readonly reason: string;
}

/** 0-based line ranges of the YAML documents (`---` sections) of the file; one range for other files. */
export interface LineRange {
  readonly fromLine: number;
  readonly toLine: number;
}

const HADOLINT = /#\s*hadolint\s+(global\s+)?ignore=((?:\s*[A-Za-z0-9_,])+|\s)\s*$/;
const CHECKOV = /#\s*checkov:skip=([A-Za-z0-9_]+)(?::\s*(?!\s)(\S(?:.*\S)?|))?\s*$/;
const KICS = /#\s*kics-scan\s+(ignore-line|ignore-block|ignore)\s*$/;
const TRIVY = /#\s*trivy:ignore:([A-Za-z0-9_-]+?)(?::exp:(\d{4}-\d{2}-\d{2}))?\s*$/;

/** `KSV-0017`, `KSV017`, `AVD-KSV-0017`, `ksv-17` are one check; `CKV_K8S_20` and `DL3008` compare case-insensitively. */
export function normalisePeerId(id: string): string {
  const upper = id.trim().toUpperCase().replace(/^AVD-/, '');
  const m = /^([A-Z]+)-?0*([1-9]\d*|0)$/.exec(upper);
  return m ? `${m[1]}-${m[2]}` : upper;
}

/** `sections`: the YAML documents' line ranges; empty for a Dockerfile or any other file (one whole-file range). */
export function parsePeerSuppressions(lines: LineIndex, ruleSet: RuleSet, sections: readonly LineRange[], now: Date, yaml: boolean): PeerSuppression[] {
  const rulesFor = (tool: PeerSuppression['tool'], ids: readonly string[] | 'any'): string[] =>
    ruleSet.rules
      .filter((r) => {
        const peerIds = r.meta.peers[tool] ?? [];
        return ids === 'any' ? peerIds.length > 0 : peerIds.some((p) => ids.some((id) => normalisePeerId(id) === normalisePeerId(p)));
      })
      .map((r) => r.meta.id);
  const whole: LineRange = { fromLine: 0, toLine: lines.lineCount - 1 };
  const sectionOf = (line: number) => sections.find((s) => s.fromLine <= line && line <= s.toLine) ?? whole;
  const out: PeerSuppression[] = [];
  const add = (tool: PeerSuppression['tool'], ids: readonly string[] | 'any', range: LineRange, reason: string) => {
    const ruleIds = rulesFor(tool, ids);
    if (ruleIds.length > 0) out.push({ tool, ruleIds, ...range, reason });
  };
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    if (!text.includes('#')) continue;
    const comment = text.slice(text.indexOf('#')).trim();
    let m: RegExpExecArray | null;
    if ((m = HADOLINT.exec(text))) {
      const ids = m[2].split(/[\s,]+/).filter(Boolean);
      add('hadolint', ids, m[1] ? whole : nextStatement(lines, line), comment);
    } else if ((m = CHECKOV.exec(text))) {
      add('checkov', [m[1]], sectionOf(line), m[2] ? `${m[2]} (${comment})` : comment);
    } else if ((m = KICS.exec(text))) {
      const next = nextStatement(lines, line);
      add('kics', 'any', m[1] === 'ignore' ? whole : m[1] === 'ignore-block' && yaml ? blockFrom(lines, next.fromLine, sectionOf(line)) : next, comment);
    } else if ((m = TRIVY.exec(text))) {
      if (m[2] && Date.parse(`${m[2]}T00:00:00Z`) + 86_400_000 <= now.getTime()) continue; // expired, as Trivy reads it
      const next = nextStatement(lines, line);
      add('trivy', [m[1]], yaml ? blockFrom(lines, next.fromLine, sectionOf(line)) : next, comment);
    }
  }
  return out;
}

/** The first line below that is neither blank nor a comment. */
function nextStatement(lines: LineIndex, line: number): LineRange {
  let next = line + 1;
  while (next < lines.lineCount && /^\s*(#.*)?$/.test(lines.lineText(next))) next++;
  return { fromLine: next, toLine: next };
}

/** A line and the lines indented deeper below it; a top-level YAML key stands for its whole document. */
function blockFrom(lines: LineIndex, start: number, section: LineRange): LineRange {
  if (start >= lines.lineCount) return { fromLine: start, toLine: start };
  // Leading blanks only: the children of `- name: a` are indented deeper than its dash.
  const indent = (l: number) => /^[ \t]*/.exec(lines.lineText(l))?.[0].length ?? 0;
  const own = indent(start);
  if (own === 0 && /^[A-Za-z_"'][^#]*:(\s|$)/.test(lines.lineText(start))) return section;
  let end = start;
  for (let l = start + 1; l <= section.toLine && l < lines.lineCount; l++) {
    if (/^\s*(#.*)?$/.test(lines.lineText(l))) continue;
    if (indent(l) <= own) break;
    end = l;
  }
  return { fromLine: start, toLine: end };
}
