import type { CheckContext, Fix, FixKind, Rule, RuleMeta, RuleSet, Severity } from '../../server/src/engine';
import type { TextModel } from '../../server/src/engine/parsers/text';

// Hand-written text rules for in-process tests of the CLI's fix loop and redaction: they do not depend
// on which templates or core rules exist, and each one exercises one behaviour.

type TextCheck = (model: TextModel, ctx: CheckContext) => void;

function rule(id: string, severity: Severity, options: { message: string; tags?: string[]; fix?: FixKind }, check: TextCheck): Rule {
  const meta: RuleMeta = {
    id,
    packId: 'synthetic',
    title: `Synthetic ${id}`,
    severity,
    confidence: 'high',
    language: 'text',
    message: options.message,
    description: `Synthetic rule ${id}.`,
    remediation: 'Fix it.',
    peers: {},
    cwe: [],
    references: [],
    tags: options.tags ?? [],
    supersedes: [],
    fix: options.fix ? { kind: options.fix } : undefined,
  };
  return { meta, check };
}

function each(text: string, pattern: RegExp, report: (m: RegExpExecArray) => void): void {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) report(m);
}

const replace = (title: string, kind: FixKind, start: number, end: number, newText: string): Fix => ({ title, kind, edits: [{ span: { start, end }, newText }] });

/** `http://` → `https://` (autofix, high). */
export const httpRule = rule('synthetic-http', 'high', { message: 'Plain HTTP URL.', fix: 'autofix' }, (model, ctx) =>
  each(model.text, /http:\/\//, (m) => ctx.report({ span: { start: m.index, end: m.index + m[0].length }, fixes: [replace('Use https://', 'autofix', m.index, m.index + m[0].length, 'https://')] })),
);

/** `TODO` → deleted (a suggestion only: --fix must leave it). */
export const todoRule = rule('synthetic-todo', 'low', { message: 'TODO left in the file.', fix: 'suggestion' }, (model, ctx) =>
  each(model.text, /TODO/, (m) => ctx.report({ span: { start: m.index, end: m.index + 4 }, fixes: [replace('Delete TODO', 'suggestion', m.index, m.index + 4, '')] })),
);

/** `step1` → `step2` → `step3`: a second pass is needed after the first fix. */
export const stepRule = rule('synthetic-step', 'medium', { message: 'Step {{n}} is not the last step.', fix: 'autofix' }, (model, ctx) =>
  each(model.text, /step([12])\b/, (m) =>
    ctx.report({ span: { start: m.index, end: m.index + m[0].length }, data: { n: m[1] }, fixes: [replace('Next step', 'autofix', m.index, m.index + m[0].length, `step${Number(m[1]) + 1}`)] }),
  ),
);

/** `ping` ↔ `pong` forever: the fix loop must stop at its pass limit. */
export const pingPongRule = rule('synthetic-ping-pong', 'low', { message: 'Ping or pong.', fix: 'autofix' }, (model, ctx) =>
  each(model.text, /\b(ping|pong)\b/, (m) =>
    ctx.report({ span: { start: m.index, end: m.index + 4 }, fixes: [replace('Swap', 'autofix', m.index, m.index + 4, m[1] === 'ping' ? 'pong' : 'ping')] }),
  ),
);

export const SECRET_PATTERN = /SUPERSECRET-[A-Za-z0-9]{16}/;

/**
 * A deliberately careless secret detector: its message, fix title and fix text all carry the value,
 * so the tests can show that the engine and the CLI keep it out of every report.
 */
export const leakySecretRule = rule('synthetic-secret', 'critical', { message: 'Hardcoded token {{token}}.', tags: ['secret'], fix: 'suggestion' }, (model, ctx) =>
  each(model.text, SECRET_PATTERN, (m) =>
    ctx.report({
      span: { start: m.index, end: m.index + m[0].length },
      data: { token: m[0] },
      fixes: [
        replace(`Move ${m[0]} to the environment`, 'suggestion', m.index, m.index + m[0].length, '${TOKEN}'),
        replace('Comment it out', 'suggestion', m.index, m.index + m[0].length, `# ${m[0]}`),
      ],
    }),
  ),
);

/** Throws with the secret in its error, as a buggy rule might: the notice must not carry it. */
export const crashingRule = rule('synthetic-crash', 'info', { message: 'Never reported.' }, (model) => {
  const found = SECRET_PATTERN.exec(model.text);
  if (found) throw new Error(`could not classify ${found[0]}`);
});

export function ruleSetOf(...rules: Rule[]): RuleSet {
  return { rules, packs: [{ id: 'synthetic', version: '0.0.0', description: 'Synthetic rules for CLI tests.', root: '<memory>' }] };
}
