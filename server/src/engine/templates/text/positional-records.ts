import { argumentStart } from './assignment-forms';
import { quotedLiteralAt, type Assignment } from './assignment-scan';

// Constructor parameters named once and passed by position: a C# or Java record (`record Options(string
// ClientId, string ClientSecret);` then `new Options("id", "…")`, or target-typed `Options o = new("id", "…")`),
// a Kotlin class's primary constructor (`sealed class Env(val url: String, val apiKey: String)`, constructed as
// `Env("…", "…")` or by a subclass, `data object Bench : Env("…", "…")`), a Java class's constructor (`new
// Client("…", "…")`), and an enum's constructor, whose constants are its constructions (`NORTHGRID("NGRD",
// "…"),`). The key is the parameter's name on the declaration and the literal on another line, often far
// below, so this form reads the whole text (C#'s rule sees the whole file; in the editor Java and Kotlin see
// the lines around the declaration).

const MAX_CONSTRUCTIONS = 20;

type Constructions = 'new' | 'call' | 'constants';

interface RecordParameter {
  readonly record: string;
  /** 1-based. */
  readonly position: number;
  readonly key: string;
  readonly keySpan: { readonly start: number; readonly end: number };
  /** How the type is constructed: `new Name(…)`, Kotlin's `Name(…)`, or an enum's constants. */
  readonly constructions: Constructions;
}

/** A declaration's head before its parameters: a record, a Kotlin class with a primary constructor, or a constructor (a line starting with its class's name). */
const DECLARATION = /^[ \t]*(?:(?:public|private|protected|internal|static|sealed|abstract|open|data|final|readonly|partial|value|enum)[ \t]+)*(record[ \t]+(?:class[ \t]+|struct[ \t]+)?|class[ \t]+)?([A-Z]\w*)[ \t]*\($/;
/** One parameter: Java/C# `Type name`, Kotlin `val name: Type`, with an optional default. */
const PARAMETER = /^[ \t]*(?:(?:private|public|protected|internal|override|val|var|final|readonly)[ \t]+)*(?:[\w.<>?[\]]+[ \t]+([A-Za-z_]\w*)|([A-Za-z_]\w*)[ \t]*:[ \t]*[\w.<>?[\]]+)[ \t]*(?:=[^,)]*)?$/;

/**
 * The parameter of a one-line declaration (record, primary constructor, constructor) that holds `hit`.
 * `isEnum`: whether the text declares an enum of that name (a window, which cannot tell, passes its guess).
 */
export function recordParameterAt(text: string, hit: number, lineStart: number, lineEnd: number, isEnum: (record: string) => boolean = (record) => enumDeclared(text, record)): RecordParameter | undefined {
  const paren = text.lastIndexOf('(', hit);
  if (paren < lineStart) return undefined;
  const head = DECLARATION.exec(text.slice(lineStart, paren + 1));
  if (!head) return undefined;
  const open = paren + 1;
  const close = text.indexOf(')', open);
  if (close < 0 || close > lineEnd || hit > close) return undefined;
  // A declaration, not a call: its body, a base call, `throws`, or the end of the line follow.
  if (!head[1] && !/^\)[ \t]*(?:\{|:|throws\b|\r?$)/.test(text.slice(close, lineEnd))) return undefined;
  const before = text.slice(open, hit);
  if (/[("'<]/.test(before)) return undefined;
  const position = before.split(',').length;
  const parameter = PARAMETER.exec(text.slice(open, close).split(',')[position - 1] ?? '');
  const name = parameter && (parameter[1] ?? parameter[2]);
  if (!name) return undefined;
  const record = head[2];
  const enumType = isEnum(record);
  // A record names its type (`record Name(`); Kotlin's primary constructor follows `class` and types its parameters after a colon.
  const kotlin = head[1]?.startsWith('class') === true && parameter[2] !== undefined;
  if (!head[1] && !enumType && parameter[1] === undefined) return undefined;
  const keyStart = text.indexOf(name, open + before.lastIndexOf(',') + 1);
  return { record, position, key: name, keySpan: { start: keyStart, end: keyStart + name.length }, constructions: enumType ? 'constants' : kotlin ? 'call' : 'new' };
}

/** Whether the text declares an enum of that name (its constants are its constructions). */
export function enumDeclared(text: string, record: string): boolean {
  return new RegExp(`\\benum[ \\t]+(?:class[ \\t]+)?${record}\\b`).test(text);
}

/** Where an enum may be declared: each start of `enum` and a blank (enumDeclared's match starts at one). */
export const ENUM_WORD = /\benum[ \t]/;

/** enumDeclared, asked only at the starts of ENUM_WORD's matches in the text (`starts`). */
export function enumDeclaredAt(text: string, record: string, starts: readonly number[]): boolean {
  const declared = new RegExp(`\\benum[ \\t]+(?:class[ \\t]+)?${record}\\b`, 'y');
  return starts.some((at) => ((declared.lastIndex = at), declared.test(text)));
}

export function constructionPattern(p: RecordParameter): RegExp {
  if (p.constructions === 'constants') return /(?:^|\n|\{)[ \t]*[A-Z][A-Z0-9_]*[ \t]*\(/g;
  // Kotlin: any call of the type's name but its declaration, a subclass's `: Name(…)` included.
  if (p.constructions === 'call') return new RegExp(`(?<!(?:class|interface|fun)[ \\t]+)\\b${p.record}[ \\t]*\\(`, 'g');
  return new RegExp(`\\bnew[ \\t]+${p.record}[ \\t]*\\(|\\b${p.record}\\??[ \\t]+\\w+[ \\t]*(?:\\{[ \\t]*get;[^{}\\n]{0,40}\\}[ \\t]*)?=[ \\t]*new[ \\t]*\\(`, 'g');
}

/**
 * Each construction of the type whose argument at the parameter's position is a literal, read as that parameter's value.
 * `opens`: where the constructions' parentheses open (the ends of constructionPattern's matches), when already found.
 */
export function recordArguments(text: string, p: RecordParameter, opens: Iterable<number> = constructionOpens(text, p)): Assignment[] {
  const out: Assignment[] = [];
  for (const open of opens) {
    if (out.length >= MAX_CONSTRUCTIONS) break;
    const at = argumentStart(text, open, p.position);
    const end = at === undefined ? -1 : text.indexOf('\n', at);
    const a = at === undefined ? undefined : quotedLiteralAt(text, at, end < 0 ? text.length : end, p.key, p.keySpan, '(');
    if (a) out.push({ ...a, embedded: true });
  }
  return out;
}

function* constructionOpens(text: string, p: RecordParameter): Generator<number> {
  for (const m of text.matchAll(constructionPattern(p))) yield (m.index ?? 0) + m[0].length - 1;
}

/** How many lines of an enum's body its first literal case is looked for in. */
const ENUM_CASES = 4;

/**
 * An enum named for a key whose cases hold the keys (PHP `enum PartnerKey: string { case Lab = '…'; }`, TypeScript
 * `enum PartnerKey { Lab = "…", }`): the quote of the first case's literal, for the enum name ending at `keyEnd`.
 */
export function enumCaseStart(text: string, keyStart: number, keyEnd: number, lineStart: number, lineEnd: number): number | undefined {
  if (!/\benum[ \t]+$/.test(text.slice(Math.max(lineStart, keyStart - 20), keyStart))) return undefined;
  const body = text.indexOf('{', keyEnd);
  if (body < 0 || body > lineEnd + 3) return undefined;
  let at = body + 1;
  for (let n = 0; n < ENUM_CASES; n++) {
    // eslint-disable-next-line regexp/no-super-linear-backtracking -- reads at most 200 characters and takes comment lines whole (no exponential split): quadratic at worst, 0.2 ms measured
    const item = /^(?:(?:\s*(?:\/\/|#)[^\n]*(?![^\n]))*\s*(?:\/\/|#)[^\n]*)?\s*(?:case[ \t]+)?[A-Za-z_]\w*[ \t]*=[ \t]*/.exec(text.slice(at, at + 200));
    if (!item) return undefined;
    at += item[0].length;
    if (text[at] === '"' || text[at] === "'") return at;
    const lf = text.indexOf('\n', at);
    if (lf < 0) return undefined;
    at = lf;
  }
  return undefined;
}
