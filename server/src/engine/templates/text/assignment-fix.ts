import type { TextModel } from '../../parsers/text';
import type { Fix, TextEdit } from '../../types';
import type { Assignment } from './assignment-scan';
import { goImportEdit, pythonImportEdit } from './env-imports';
import { keyWords } from './secret-key-names';
import { goConstBlocks, type GoConstBlocks } from './go-const-blocks';

// Suggestions that move a hardcoded secret out of the file without writing any value: the literal becomes
// the language's environment lookup named after the key (adding the import the language needs), or the
// .env value is emptied. Offered only where that expression is valid in place: never for a constant
// (`const`, C#/PHP member defaults, Kotlin `const val`), a fallback (the lookup is already there), a
// literal inside a larger string, a comment, or a syntax with no expression to put there (YAML, XML).

type Flavour = 'python' | 'node' | 'dotenv' | 'go' | 'java' | 'kotlin' | 'csharp' | 'ruby' | 'php';

const FLAVOURS: readonly [RegExp, Flavour][] = [
  [/\.pyw?$/i, 'python'],
  [/\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/i, 'node'],
  [/^\.env(?:\..+)?$|\.env$/i, 'dotenv'],
  [/\.go$/i, 'go'],
  [/\.java$/i, 'java'],
  [/\.kts?$/i, 'kotlin'],
  [/\.cs$/i, 'csharp'],
  [/\.rb$/i, 'ruby'],
  [/\.php$/i, 'php'],
];
const IDENTIFIER = /^[A-Z_][A-Z0-9_]*$/;
/** Declarations whose initialiser must be a compile-time constant, so a lookup would not compile. */
const CONSTANT_CONTEXT: Partial<Record<Flavour, { test(lead: string): boolean }>> = {
  go: /^\s*const\b/,
  kotlin: /\bconst\s+val\b/,
  // C#: constants, attribute arguments and default parameter values (an unclosed `(` before the key).
  // (`lastIndexOf` rather than `/\([^)]*$/`, which re-read the rest from every `(` of a long run.)
  csharp: { test: (lead) => /\bconst\b|\[\w+\(/.test(lead) || lead.lastIndexOf('(') > lead.lastIndexOf(')') },
  php: /\b(?:public|private|protected|var)\s+(?:(?:static|readonly|final)\s+)*(?:\??[\w\\]+\s+)?\$|(?:^|[{;])\s*(?:(?:public|private|protected)\s+)?const\b/,
};

/** `dbPassword` → `DB_PASSWORD`; `x-api-key` → `X_API_KEY`; `config.x.mail_password` → `MAIL_PASSWORD`; `ds.setPassword` → `PASSWORD`. */
export function envNameOf(key: string): string {
  let words = keyWords(key.slice(key.lastIndexOf('.') + 1));
  if (words.length > 1 && (words[0] === 'set' || words[0] === 'with')) words = words.slice(1);
  const name = words.join('_').toUpperCase();
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

function lookup(flavour: Flavour, name: string, csharpUsesSystem: boolean): string {
  switch (flavour) {
    case 'node': return `process.env.${name}`;
    case 'python': return `os.environ["${name}"]`;
    case 'go': return `os.Getenv("${name}")`;
    case 'java': return `System.getenv("${name}")`;
    // getenv is nullable in Kotlin; failing fast keeps the declared String type.
    case 'kotlin': return `(System.getenv("${name}") ?: error("${name} is not set"))`;
    case 'csharp': return `${csharpUsesSystem ? '' : 'System.'}Environment.GetEnvironmentVariable("${name}")`;
    case 'ruby': return `ENV.fetch("${name}")`;
    case 'php': return `getenv('${name}')`;
    default: return '';
  }
}

/**
 * What the fixes read from the whole file rather than around the finding: computed at most once per
 * check of a file (not once per finding, which made a large file's fixes quadratic).
 */
export interface FixFacts {
  readonly flavour: Flavour | undefined;
  usesSystem(): boolean;
  importEdit(): TextEdit | null | undefined;
  /** Whether a Go line's start is inside `const ( … )` (go-const-blocks.ts). */
  insideConstBlock(lineStart: number): boolean;
}

/** `wholeFileUsesSystem`: what the whole text says where `model` is a window of it (usingSystem, read once per file). */
export function fixFacts(model: TextModel, wholeFileUsesSystem?: boolean): FixFacts {
  const flavour = flavourOf(model.fileName);
  let usesSystem = wholeFileUsesSystem;
  let imported: { edit: TextEdit | null | undefined } | undefined;
  let constBlocks: GoConstBlocks | undefined;
  return {
    flavour,
    usesSystem: () => (usesSystem ??= usingSystem(model.text)),
    importEdit: () =>
      (imported ??= { edit: flavour === 'python' ? pythonImportEdit(model.text, model.eol) : flavour === 'go' ? goImportEdit(model.text, model.eol) : null }).edit,
    insideConstBlock: (lineStart) => (constBlocks ??= goConstBlocks(model.text)).inside(lineStart),
  };
}

/** A C# file that imports `System` (its fixes then write `Environment.…` without the namespace). */
export function usingSystem(text: string): boolean {
  return /^using\s+System\s*;/m.test(text);
}

function flavourOf(fileName: string): Flavour | undefined {
  return FLAVOURS.find(([r]) => r.test(fileName))?.[1];
}

/**
 * Whether the fixes offered in this file depend on text far from the finding (an import to add, a
 * `using System;`, a Go `const (` block): then the rule must see the whole file, not a window of it.
 */
export function fixesReadWholeFile(fileName: string): boolean {
  const flavour = flavourOf(fileName);
  return flavour === 'python' || flavour === 'go' || flavour === 'csharp';
}

export function assignmentFixes(model: TextModel, a: Assignment, facts: FixFacts = fixFacts(model)): Fix[] {
  const flavour = facts.flavour;
  if (!flavour || a.embedded) return [];
  const name = envNameOf(a.key);
  if (!IDENTIFIER.test(name)) return [];
  const text = model.text;
  const lineStart = model.lines.lineStart(model.lines.lineOf(a.keySpan.start));
  const keyQuoted = /["'`]/.test(text[a.keySpan.start - 1] ?? '') && text[a.keySpan.end] === text[a.keySpan.start - 1];
  const lead = text.slice(lineStart, a.keySpan.start - (keyQuoted ? 1 : 0));
  if (flavour === 'dotenv') {
    if (a.operator !== '=' || !/^\s*(?:export\s+)?$/.test(lead)) return [];
    return [{ title: `Remove the hardcoded value (set ${name} in the environment or a secret store)`, kind: 'suggestion', edits: [{ span: a.literalSpan, newText: '' }] }];
  }
  // Only a real string literal in code, not one inside a comment or a string.
  if (!a.quote || /[fb]/.test(a.prefix) || (a.quote === '`' && flavour !== 'go') || /#|\/\/|\/\*|^\s*\*|["']/.test(lead.replace(/["'][^"']*["']/g, ''))) return [];
  if (!['=', ':', ':=', '(', '=>'].includes(a.operator) || (a.operator === '=>' && flavour !== 'php' && flavour !== 'ruby')) return [];
  if (CONSTANT_CONTEXT[flavour]?.test(lead) || (flavour === 'go' && facts.insideConstBlock(lineStart))) return [];
  // TypeScript: a declared `string` cannot take `string | undefined`; the assertion keeps the file compiling.
  const annotated = flavour === 'node' && /\.(?:[cm]?ts|tsx)$/i.test(model.fileName) && /^\s*:[^=]+=\s*$/.test(text.slice(a.keySpan.end, a.literalSpan.start));
  const edits: TextEdit[] = [{ span: a.literalSpan, newText: lookup(flavour, name, flavour === 'csharp' && facts.usesSystem()) + (annotated ? '!' : '') }];
  const imported = facts.importEdit();
  if (imported === undefined) return [];
  if (imported) edits.unshift(imported);
  return [{ title: `Read the value from ${lookup(flavour, name, true).replace(/^\((.*) \?:.*\)$/, '$1')}`, kind: 'suggestion', edits }];
}
