import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BuiltPack } from '../engine/packs/load';

// The build validates the built-in pack once and ships what it accepted (dist/validated-packs.json):
// the manifest's data and each rule's data with its README. Startup instantiates the built-in pack
// from that one file instead of walking its folder, reading ~240 files, parsing their YAML and
// checking them against the schemas. The built-in pack is part of the build, as the code is: an edit
// under rules/core takes effect at the next `npm run build` (`bulwark test` and --rules still read
// folders). A missing or unreadable snapshot only costs time: the folder is read and validated.

export const VALIDATED_PACKS_FILE = 'validated-packs.json';
const FORMAT = 2;

interface Snapshot {
  readonly format: number;
  /** The pack folder it was built from, relative to the snapshot's folder, with `/`. */
  readonly root: string;
  readonly pack: BuiltPack;
}

/** A pack as the build accepted it, and the folder it was read from. */
export interface ValidatedPack {
  readonly root: string;
  readonly pack: BuiltPack;
}

/** The snapshot shipped beside the bundle; undefined when there is none or it is not this format. */
export function readValidatedPacks(dir: string = __dirname): ValidatedPack | undefined {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(fs.readFileSync(path.join(dir, VALIDATED_PACKS_FILE), 'latin1')) as Snapshot;
  } catch {
    return undefined;
  }
  if (snapshot.format !== FORMAT || typeof snapshot.root !== 'string' || !Array.isArray(snapshot.pack?.rules)) return undefined;
  return { root: path.resolve(dir, snapshot.root), pack: snapshot.pack };
}

/**
 * Written as ASCII (every other character as a JSON \u escape), so that startup reads it as Latin-1
 * text: no UTF-8 decoding, and V8 keeps and parses it one byte per character.
 */
export function writeValidatedPacks(file: string, packRoot: string, pack: BuiltPack): void {
  const snapshot: Snapshot = { format: FORMAT, root: path.relative(path.dirname(file), packRoot).split(path.sep).join('/'), pack };
  fs.writeFileSync(file, JSON.stringify(snapshot).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
