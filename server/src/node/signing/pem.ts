// PEM as Go's encoding/pem writes it (cosign and skopeo read our files, we read theirs): base64 body in
// lines of 64 characters, no headers.

export interface PemBlock {
  readonly label: string;
  readonly bytes: Buffer;
}

export function encodePem(label: string, bytes: Buffer): string {
  const body = bytes.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n');
  return `-----BEGIN ${label}-----\n${body}-----END ${label}-----\n`;
}

/** The first PEM block in `text`, or undefined when there is none (or its body is not base64). */
export function decodePem(text: string): PemBlock | undefined {
  const m = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/.exec(text);
  if (m === null) return undefined;
  const body = m[2].replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 !== 0) return undefined;
  return { label: m[1], bytes: Buffer.from(body, 'base64') };
}
