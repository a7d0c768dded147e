import { isQuote } from './assignment-value';

// A value returned by an arm of a `switch`/`when`/`match` expression that is a function's whole body, the
// function being named for a key (`string UpdateKeyFor(string env) => env switch { "bench" => "…", … }`,
// Kotlin `fun radioKey(depot: String) = when (depot) { "north" -> "…" }`, PHP `function legacyKeyFor($s): string
// { return match ($s) { 'bacs' => '…', … }; }`, Java `return switch (env) { case "lab" -> "…"; … }`). The
// first arm whose result is a literal is read; the name (without a trailing `For`) and the literal's shape
// decide, like any assignment. A getter property (Kotlin `val signingKey: String\n get() = "…"`) is read here too.

/** How far past the parameters the selector and the arms are looked for. */
const MAX_BODY = 400;
const MAX_ARMS = 4;

/** The parameters, a declared result type, then the body's opening (`=>`, `=`, `{`, possibly on the next line). */
const HEAD = /^\([^()"'`\n]{0,80}\)[ \t]*(?:(?::|->)[ \t]*\??[\w.<>[\]?]+[ \t]*)?(?:(?:\r\n?|\n)[ \t]*)?(?:=>|=|\{)\s*(?:return[ \t]+)?/;
/** The selector: `when (x) {`, `match ($x) {`, `switch (x) {` or C#'s `x switch {`. */
const SELECTOR = /^(?:(?:when|match|switch)[ \t]*\([^()\n]{0,80}\)|[\w.$]+[ \t]+switch)\s*\{/;
/** One arm's head: a label (a literal, a name, `default`, `else`, `_`), after `case` in Java, then `=>` or `->`. */
// eslint-disable-next-line regexp/no-super-linear-backtracking -- reads at most 400 characters and takes comment lines whole (no exponential split): quadratic at worst, 0.2 ms measured
const ARM = /^(?:(?:\s*(?:\/\/|#)[^\n]*(?![^\n]))*\s*(?:\/\/|#)[^\n]*)?\s*(?:case[ \t]+)?(?:(["'])(?:\\.|(?!\1)[^\\\n])*\1|[\w.]+)[ \t]*(?:=>|->)[ \t]*/;

/** The quote of the first literal an arm returns, for the function whose parameters open at `open`. */
export function returnedArmStart(text: string, open: number): number | undefined {
  const body = text.slice(open, Math.min(text.length, open + MAX_BODY));
  const head = HEAD.exec(body);
  const selector = head && SELECTOR.exec(body.slice(head[0].length));
  if (!head || !selector) return undefined;
  let at = head[0].length + selector[0].length;
  for (let n = 0; n < MAX_ARMS; n++) {
    const arm = ARM.exec(body.slice(at));
    if (!arm) return undefined;
    at += arm[0].length;
    if (isQuote(body[at])) return open + at;
    // The arm's result is an expression: skip it to the end of its line.
    const lf = body.indexOf('\n', at);
    if (lf < 0) return undefined;
    at = lf;
  }
  return undefined;
}

/** A name read as the key its function returns: `UpdateKeyFor` returns an update key. */
export function withoutForSuffix(name: string): string {
  return name.replace(/(?<=[a-z0-9])For$|_for$/, '');
}

/** Kotlin `val signingKey: String` with `get() = "…"` on the next line: the literal's quote. */
export function getterLiteralStart(text: string, at: number, lineEnd: number): number | undefined {
  if (!/^[\w.<>?]+[ \t]*\r?$/.test(text.slice(at, lineEnd))) return undefined;
  const m = /^\n(?:[ \t]*\/\/[^\n]*\n)?[ \t]*get\(\)[ \t]*=[ \t]*(?=["'])/.exec(text.slice(lineEnd, lineEnd + 200));
  return m ? lineEnd + m[0].length : undefined;
}
