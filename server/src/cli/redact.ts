import { maskSecret, unquotedSecret, type AnalysisResult, type Finding, type RuleMeta } from '../engine';

// The engine masks secrets where it writes messages, fix titles and notices (engine/secret-mask.ts);
// this is the CLI's last line of defence, because reports leave the machine (CI logs, SARIF uploads):
// a fix title, notice or suppression reason that would echo the text a secret rule matched is masked,
// and a fix whose new text carries it is withheld from the report.

const MIN_SECRET_LENGTH = 6;

export interface Redactor {
  /** Masks every known secret inside `value`. */
  text(value: string): string;
  /** True when `value` contains a known secret. */
  leaks(value: string): boolean;
}

export function redactorFor(text: string, result: AnalysisResult, rulesById: ReadonlyMap<string, RuleMeta>): Redactor {
  const secrets = new Set<string>();
  const consider = (finding: Finding) => {
    if (!rulesById.get(finding.ruleId)?.tags.includes('secret')) return;
    const matched = text.slice(finding.span.start, finding.span.end).trim();
    for (const secret of [matched, unquotedSecret(matched)]) if (secret.length >= MIN_SECRET_LENGTH) secrets.add(secret);
  };
  result.findings.forEach(consider);
  result.suppressed.forEach((s) => consider(s.finding));
  // Longest first, so a secret that contains another is masked whole.
  const ordered = [...secrets].sort((a, b) => b.length - a.length);
  // Each finding's fixes ask about the same few titles and new texts, and each answer searches for every
  // secret of the file: remembered per file, a file of n secrets costs n searches per distinct text, not per finding.
  const masked = new Map<string, string>();
  const leaking = new Map<string, boolean>();
  return {
    text: (value) => remembered(masked, value, () => ordered.reduce((out, secret) => (out.includes(secret) ? out.split(secret).join(maskSecret(secret)) : out), value)),
    leaks: (value) => remembered(leaking, value, () => ordered.some((secret) => value.includes(secret))),
  };
}

function remembered<T>(answers: Map<string, T>, key: string, compute: () => T): T {
  let answer = answers.get(key);
  if (answer === undefined) answers.set(key, (answer = compute()));
  return answer;
}
