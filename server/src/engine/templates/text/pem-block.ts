import type { Span } from '../../types';
import { isSpace, trimAround, trimEndOf } from '../../trim';

// Reads one `-----BEGIN … PRIVATE KEY-----` … `-----END … -----` block wherever it sits: a .pem file,
// a YAML block scalar (indented lines), a JSON or code string (`\n` escapes, quotes, `+` joins).

export interface KeyBlock {
  /** From the first `-` of BEGIN to the last `-` of END. */
  readonly span: Span;
  /** RSA, EC, DSA, OpenSSH, PGP, PKCS#8, … for the message. */
  readonly kind: string;
  readonly encrypted: boolean;
  /** Base64 characters in the body. */
  readonly base64Length: number;
  /** The body is elided or dummy (`...`, `<key>`, one repeated character, EXAMPLE). */
  readonly placeholder: boolean;
}

const HEADER = /^-----BEGIN ((?:[A-Z0-9]+ ){0,4})PRIVATE KEY( BLOCK)?-----/;
const FOOTER = /^-----END ((?:[A-Z0-9]+ ){0,4})PRIVATE KEY( BLOCK)?-----/;
/** Enough text to hold the longest header or footer these patterns accept. */
const MARKER_WINDOW = 120;
/** Longest block considered: an 8192-bit RSA key in PEM is about 6.5 KB; allow for indentation and escapes. */
const MAX_BLOCK = 32 * 1024;
/** Escaped line breaks, quotes, string joins, indentation: what wraps a key embedded in code or YAML. */
const WRAPPING = /\\[nr]|\\|["'`,+;]|\s/g;
const ARMOR_HEADER = /^[A-Za-z][A-Za-z-]*: ?.*$/;
const BASE64 = /^[A-Za-z0-9+/=]*$/;
const KINDS: ReadonlyMap<string, string> = new Map([['RSA', 'RSA'], ['EC', 'EC'], ['DSA', 'DSA'], ['OPENSSH', 'OpenSSH'], ['PGP', 'PGP'], ['', 'PKCS#8']]);

/** Where the markers are, so each block is found without rescanning the file (callers pass an index). */
export interface MarkerIndex {
  /** The first `-----END` at or after `offset`, or -1. */
  endAfter(offset: number): number;
  /** The first `-----BEGIN` at or after `offset`, or -1. */
  beginAfter(offset: number): number;
}

/** A MarkerIndex that searches the text; fine for one block, quadratic for many (use the model's offsets). */
function searchMarkers(text: string): MarkerIndex {
  return { endAfter: (o) => text.indexOf('-----END', o), beginAfter: (o) => text.indexOf('-----BEGIN', o) };
}

/** The key block whose `-----BEGIN` starts at `at`, or undefined when there is none there. */
export function readKeyBlock(text: string, at: number, markers: MarkerIndex = searchMarkers(text)): KeyBlock | undefined {
  const header = HEADER.exec(text.slice(at, at + MARKER_WINDOW));
  if (!header) return undefined;
  const bodyStart = at + header[0].length;
  const end = markers.endAfter(bodyStart);
  if (end < 0 || end > bodyStart + MAX_BLOCK) return undefined;
  const nextBegin = markers.beginAfter(bodyStart);
  if (nextBegin >= 0 && nextBegin < end) return undefined;
  const footer = FOOTER.exec(text.slice(end, end + MARKER_WINDOW));
  if (!footer) return undefined;
  const label = header[1].trim();
  const body = readBody(text.slice(bodyStart, end));
  if (!body) return undefined;
  const cipher = label === 'OPENSSH' ? openSshCipher(body.base64) : undefined;
  const encrypted = label.includes('ENCRYPTED') || body.headers.some((h) => /^Proc-Type:.*ENCRYPTED/i.test(h)) || (cipher !== undefined && cipher !== 'none');
  const encryptedAt = label.indexOf('ENCRYPTED');
  const base = (encryptedAt < 0 ? label : `${label.slice(0, encryptedAt).trimEnd()} ${label.slice(encryptedAt + 9).trimStart()}`).trim();
  return {
    span: { start: at, end: end + footer[0].length },
    kind: KINDS.get(base) ?? base,
    encrypted,
    base64Length: body.base64.length,
    placeholder: isDummy(body.base64),
  };
}

function readBody(raw: string): { base64: string; headers: string[] } | undefined {
  const headers: string[] = [];
  let base64 = '';
  for (const piece of raw.split(/\\r\\n|\\n|\r\n|\r|\n/)) {
    const line = trimAround(piece, (c) => isSpace(c) || `"'\`+,`.includes(c), (c) => isSpace(c) || `"'\`+,\\`.includes(c));
    if (line === '') continue;
    if (ARMOR_HEADER.test(line)) {
      headers.push(line);
      continue;
    }
    const stripped = line.replace(WRAPPING, '');
    if (!BASE64.test(stripped)) return undefined;
    base64 += stripped;
  }
  return { base64, headers };
}

/** A body of a few distinct characters, or one that says EXAMPLE, is a stand-in. */
function isDummy(base64: string): boolean {
  if (new Set(trimEndOf(base64, '=')).size <= 4) return true;
  return /example/i.test(base64);
}

/** The cipher name of an `openssh-key-v1` body (`none` when the key is not encrypted). */
function openSshCipher(base64: string): string | undefined {
  const head = base64.slice(0, 64);
  let bytes: string;
  try {
    bytes = atob(head.slice(0, head.length - (head.length % 4)));
  } catch {
    return undefined;
  }
  const magic = 'openssh-key-v1\u0000';
  if (!bytes.startsWith(magic)) return undefined;
  const at = magic.length;
  const length = ((bytes.charCodeAt(at) << 24) | (bytes.charCodeAt(at + 1) << 16) | (bytes.charCodeAt(at + 2) << 8) | bytes.charCodeAt(at + 3)) >>> 0;
  return bytes.slice(at + 4, at + 4 + Math.min(length, 32));
}
