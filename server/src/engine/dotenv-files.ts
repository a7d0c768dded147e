// `.env` files hold a machine's secrets and are meant to stay out of version control. When one is
// tracked by git (the check lives outside the engine: server/src/node/git-tracked.ts), the advice is to
// ignore it, stop tracking it and rotate what it holds. Pure text helpers shared by the CLI and the
// language server.

/** `.env`, `.env.local`, `.env.production`, `prod.env`; not the templates meant to be committed. */
const DOTENV_NAME = /^(?:\.env(?:\.[\w.-]+)?|[\w.-]+\.env)$/i;
const COMMITTED_TEMPLATE = /[.-](?:example|sample|template|dist|defaults?|schema|tpl)$/i;

/** Whether a path or URI names a `.env`-like file (judged by its last segment only). */
export function isDotenvFile(pathOrUri: string): boolean {
  const name = pathOrUri.split(/[\\/]/).pop() ?? '';
  return DOTENV_NAME.test(name) && !COMMITTED_TEMPLATE.test(name);
}

/** The advice for a tracked `.env` file with secrets; `pathInRepo` uses `/`, relative to the repository root. */
export function trackedDotenvAdvice(pathInRepo: string): string {
  return `${pathInRepo} is tracked by git: add it to .gitignore, stop tracking it (git rm --cached ${pathInRepo}) and rotate its secrets, which stay in git history.`;
}

/** The line that ignores exactly this file: anchored at the repository root, with .gitignore's specials escaped. */
export function gitignoreEntry(pathInRepo: string): string {
  const escaped = pathInRepo.replace(/[\\*?[\]!#]/g, (c) => `\\${c}`).replace(/ $/, '\\ ');
  return `/${escaped}`;
}

export interface GitignoreAddition {
  /** Where to insert: the end of the existing text (0 for a new file). */
  readonly offset: number;
  readonly text: string;
}

/**
 * What to append to a `.gitignore` (absent: `undefined` text) so it ignores `pathInRepo`; undefined when a
 * line already ignores exactly that path (the file is then tracked despite it, and only `git rm --cached` helps).
 */
export function gitignoreAddition(existing: string | undefined, pathInRepo: string): GitignoreAddition | undefined {
  const entry = gitignoreEntry(pathInRepo);
  const text = existing ?? '';
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  if (lines.includes(entry) || lines.includes(entry.slice(1))) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const separator = text === '' || text.endsWith('\n') ? '' : eol;
  const comment = `# Secrets: keep out of git (tracked files also need: git rm --cached ${pathInRepo})`;
  return { offset: text.length, text: `${separator}${comment}${eol}${entry}${eol}` };
}
