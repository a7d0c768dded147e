// The whole text of an open document, joined from its chunks at each analysis. Joined as a string on
// V8's heap, a 1.9 MB manifest cost ~8 ms of CPU per keystroke (the server's 2 MiB semi-space sends every
// such string to the large-object space, and the marking its allocation drives), more than the analysis
// of the edited section. Written through a Buffer, Node decodes a text that large into an external
// string (outside the heap, freed with the string): ~0.3 ms. Smaller texts are joined as before.

/** Node hands out strings of about 1 MB and more as external strings; below, the heap copy costs little. */
const VIA_BUFFER_MIN = 1024 * 1024;

/** Whether every character of `text` is ASCII: such text decodes one byte per character. */
export function isAscii(text: string): boolean {
  return !/[^\x00-\x7f]/.test(text);
}

/** The pieces' texts joined; `ascii` says whether each piece is all ASCII (isAscii). */
export function joinPieces(pieces: readonly { readonly text: string; readonly ascii: boolean }[]): string {
  let length = 0;
  let ascii = true;
  for (const piece of pieces) {
    length += piece.text.length;
    ascii &&= piece.ascii;
  }
  if (length < VIA_BUFFER_MIN) return pieces.map((p) => p.text).join('');
  // UTF-16 code units are written and read back verbatim (lone surrogates too); ASCII needs one byte each.
  const encoding = ascii ? 'latin1' : 'utf16le';
  const buffer = Buffer.allocUnsafe(ascii ? length : 2 * length);
  let at = 0;
  for (const piece of pieces) at += buffer.write(piece.text, at, encoding);
  // Latin-1 reads ASCII bytes as they are, with a plain copy: 'ascii' first scans the bytes for high ones.
  return buffer.toString(ascii ? 'latin1' : 'utf16le', 0, at);
}
