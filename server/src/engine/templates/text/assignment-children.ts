import { nextLine, type LineBounds } from './assignment-forms';
import { indentOf } from './assignment-syntax';

// A secret-named mapping whose value is one of its children: a CloudFormation parameter's `Default`
// (`DbMasterPassword:` … `NoEcho: true` … `Default: "…"`), an ARM parameters file's `"adminPassword": {`
// … `"value": "…"`, a schema property's `default`. The key names the secret; the child holds it.

/** How many lines of the mapping are read for the child. */
const CHILD_LINES = 8;
/** The children that hold the mapping's own value (its default, or the value itself). */
const VALUE_CHILD = /^[ \t]*(?:-[ \t]+)?["']?(?:default|Default|value|Value)["']?[ \t]*:[ \t]*/;
/** Under a mapping named for credentials (Kong's `keyauth_credentials:` → `- key: …`), its `key` child holds one too. */
const KEY_CHILD = /^[ \t]*(?:-[ \t]+)?["']?key["']?[ \t]*:[ \t]*/;

/**
 * The start and line of the literal under `default`/`value` (and `key` in a mapping of `credentials`) among the
 * direct children of the mapping opened on `line` (which ends after `key:` or `key: {`); undefined when none is in view.
 */
export function valueChildStart(text: string, line: LineBounds, credentials = false): { readonly at: number; readonly lineEnd: number } | undefined {
  const own = indentOf(text.slice(line.lineStart, line.lineEnd));
  let childIndent = -1;
  let bounds = line;
  for (let n = 0; n < CHILD_LINES; n++) {
    const next = nextLine(text, bounds.lineEnd);
    if (!next) return undefined;
    bounds = next;
    const content = text.slice(next.lineStart, next.lineEnd);
    if (content.trim() === '' || /^[ \t]*(?:#|\/\/)/.test(content)) continue;
    const indent = indentOf(content);
    if (indent <= own) return undefined;
    if (childIndent < 0) childIndent = indent;
    if (indent !== childIndent) continue;
    const m = VALUE_CHILD.exec(content) ?? (credentials ? KEY_CHILD.exec(content) : null);
    if (m) return { at: next.lineStart + m[0].length, lineEnd: next.lineEnd };
  }
  return undefined;
}
