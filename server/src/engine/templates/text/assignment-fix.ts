import type { TextModel } from '../../parsers/text';
import type { Fix, TextEdit } from '../../types';
import type { Assignment } from './assignment-scan';
import { keyWords } from './secret-key-names';

// Suggestions that move a hardcoded secret out of the file without writing any value: read it from
// the environment (Python, JavaScript/TypeScript), or leave the .env key empty. Offered only where
// the replacement is an expression that is valid in place; elsewhere no fix (see the rule README).

type Flavour = 'python' | 'node' | 'dotenv';

const NODE_FILE = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/i;
const PYTHON_FILE = /\.pyw?$/i;
const DOTENV_FILE = /^\.env(?:\..+)?$|\.env$/i;
const IDENTIFIER = /^[A-Z_][A-Z0-9_]*$/;

function flavourOf(fileName: string): Flavour | undefined {
  if (PYTHON_FILE.test(fileName)) return 'python';
  if (NODE_FILE.test(fileName)) return 'node';
  if (DOTENV_FILE.test(fileName)) return 'dotenv';
  return undefined;
}

/** `dbPassword` → `DB_PASSWORD`; `x-api-key` → `X_API_KEY`. */
export function envNameOf(key: string): string {
  const name = keyWords(key).join('_').toUpperCase();
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

export function assignmentFixes(model: TextModel, a: Assignment): Fix[] {
  const flavour = flavourOf(model.fileName);
  if (!flavour) return [];
  const name = envNameOf(a.key);
  if (!IDENTIFIER.test(name)) return [];
  const lineStart = model.lines.lineStart(model.lines.lineOf(a.keySpan.start));
  const text = model.text;
  const keyQuoted = /["'`]/.test(text[a.keySpan.start - 1] ?? '') && text[a.keySpan.end] === text[a.keySpan.start - 1];
  const lead = text.slice(lineStart, a.keySpan.start - (keyQuoted ? 1 : 0));
  if (flavour === 'dotenv') {
    if (a.operator !== '=' || !/^\s*(?:export\s+)?$/.test(lead)) return [];
    return [{ title: `Remove the hardcoded value (set ${name} in the environment or a secret store)`, kind: 'suggestion', edits: [{ span: a.literalSpan, newText: '' }] }];
  }
  // Only a real string literal in code, not one inside a comment or a string.
  if (!a.quote || /[fb]/.test(a.prefix) || a.quote === '`' || /#|\/\/|\/\*|^\s*\*|["']/.test(lead.replace(/["'][^"']*["']/g, ''))) return [];
  if (!['=', ':', ':='].includes(a.operator)) return [];
  if (flavour === 'node') {
    return [{ title: `Read the value from process.env.${name}`, kind: 'suggestion', edits: [{ span: a.literalSpan, newText: `process.env.${name}` }] }];
  }
  const edits: TextEdit[] = [{ span: a.literalSpan, newText: `os.environ["${name}"]` }];
  if (!importsOs(text)) {
    const at = firstImportOffset(text);
    if (at === undefined) return [];
    edits.unshift({ span: { start: at, end: at }, newText: `import os${model.eol}` });
  }
  return [{ title: `Read the value from os.environ["${name}"]`, kind: 'suggestion', edits }];
}

function importsOs(text: string): boolean {
  return /^import[ \t]+(?:[\w.]+[ \t]*,[ \t]*)*os(?:\.[\w.]+)?[ \t]*(?:,|#|$)/m.test(text);
}

/** Where `import os` can go: before the first top-level import that is not `from __future__`. */
function firstImportOffset(text: string): number | undefined {
  const m = /^(?:import[ \t]|from[ \t]+(?!__future__\b))/m.exec(text);
  return m ? m.index : undefined;
}
