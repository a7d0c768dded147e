import * as fs from 'node:fs';
import * as path from 'node:path';
import { validatedKey, type ValidatedPackFile } from '../engine/packs/load';

// The build checks the built-in pack once and ships what it read (dist/validated-packs.json): each
// accepted pack.yaml and rule.yaml with its data. At startup a file whose text is byte-for-byte one of
// those is not parsed and schema-checked again (~2/3 of the CLI's startup). Any other text, an edited
// built-in rule included, is validated as usual; a missing or unreadable snapshot only costs time.

export const VALIDATED_PACKS_FILE = 'validated-packs.json';
const FORMAT = 1;

interface Snapshot {
  readonly format: number;
  readonly files: readonly ValidatedPackFile[];
}

/** The snapshot shipped beside the bundle, as PackLoader's `validated` map; empty when there is none. */
export function readValidatedPacks(dir: string = __dirname): ReadonlyMap<string, unknown> {
  const validated = new Map<string, unknown>();
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(fs.readFileSync(path.join(dir, VALIDATED_PACKS_FILE), 'utf8')) as Snapshot;
  } catch {
    return validated;
  }
  const files: unknown = snapshot.files;
  if (snapshot.format !== FORMAT || !Array.isArray(files)) return validated;
  for (const file of files as ValidatedPackFile[]) {
    if ((file.kind === 'pack' || file.kind === 'rule') && typeof file.text === 'string') validated.set(validatedKey(file.kind, file.text), file.value);
  }
  return validated;
}

export function writeValidatedPacks(file: string, files: readonly ValidatedPackFile[]): void {
  const snapshot: Snapshot = { format: FORMAT, files };
  fs.writeFileSync(file, JSON.stringify(snapshot));
}
