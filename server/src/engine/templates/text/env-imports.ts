import type { TextEdit } from '../../types';

// The import an environment lookup needs, added where the language expects it. Each returns null when the
// file already has it, an edit when it can be added, and undefined when there is no safe place (then the
// fix is not offered rather than leaving a file that does not compile).

/** `import os` before the first top-level import that is not `from __future__`. */
export function pythonImportEdit(text: string, eol: string): TextEdit | null | undefined {
  if (/^import[ \t]+(?:[\w.]+[ \t]*,[ \t]*)*os(?:\.[\w.]+)?[ \t]*(?:,|#|$)/m.test(text)) return null;
  const m = /^(?:import[ \t]|from[ \t]+(?!__future__\b))/m.exec(text);
  return m ? { span: { start: m.index, end: m.index }, newText: `import os${eol}` } : undefined;
}

/** `"os"` in the import block, or an `import "os"` line after the package clause. */
export function goImportEdit(text: string, eol: string): TextEdit | null | undefined {
  if (/^import[ \t]+(?:\w+[ \t]+)?"os"|^import[ \t]*\([^)]*^[ \t]*(?:\w+[ \t]+)?"os"[ \t]*$/m.test(text)) return null;
  const block = /^import[ \t]*\([ \t]*\r?\n/m.exec(text);
  if (block) {
    const at = block.index + block[0].length;
    return { span: { start: at, end: at }, newText: `\t"os"${eol}` };
  }
  const single = /^import[ \t]/m.exec(text);
  if (single) return { span: { start: single.index, end: single.index }, newText: `import "os"${eol}` };
  const pkg = /^package[ \t]+\w+[^\r\n]*/m.exec(text);
  if (!pkg) return undefined;
  const at = pkg.index + pkg[0].length;
  return { span: { start: at, end: at }, newText: `${eol}${eol}import "os"` };
}
