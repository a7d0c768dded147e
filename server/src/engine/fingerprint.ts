// A small pure hash (cyrb53-style, two 32-bit lanes) so fingerprints need no node:crypto.
function hash53(input: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < input.length; i++) {
    const ch = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/**
 * Identity of a finding that survives edits elsewhere in the file: the rule, the offending text with
 * whitespace normalised, an optional template key, and the occurrence number among identical ones.
 */
export function fingerprint(ruleId: string, matchedText: string, key: string, occurrence: number): string {
  const normalised = matchedText.replace(/\s+/g, ' ').trim();
  return hash53(`${ruleId}\u0000${normalised}\u0000${key}\u0000${occurrence}`);
}
