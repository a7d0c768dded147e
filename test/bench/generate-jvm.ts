import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusFiles, generatedRoot } from './generate';

// ~1 MB single-language Java, Kotlin, C#, Python and Go files for the keystroke bench: the secrets corpus's development
// files of that language (realistic code with its planted synthetic secrets and traps), repeated with their
// declared types renamed per copy (`LedgerClient` -> `LedgerClient7`), so constructions and records read as
// distinct types, as in one large real file. The batches are pinned (a new corpus batch does not change the
// input) and the folder is named by a digest of the text, so an edited corpus file gives a new input name
// rather than silently different figures under the old one.

const CORPUS = path.resolve(__dirname, '../corpus/secrets');
/** The development batches read (the held-out ones, harbor-tokens and avocet, stay unseen by the bench). */
const BATCHES = new Set(['', 'harbor', 'quarry', 'lantern', 'meridian', 'kestrel', 'juniper', 'osprey', 'puffin', 'tern', 'wren', 'plover']);
const TARGET_BYTES = 1024 * 1024;

export interface JvmSource {
  readonly language: 'java' | 'kotlin' | 'csharp' | 'python' | 'go';
  readonly path: string;
}

const LANGUAGES = [
  { language: 'java', folder: 'java', name: 'Generated1mb.java', header: /^\s*(?:package|import)\s[^\n]*$/ },
  { language: 'kotlin', folder: 'kotlin', name: 'Generated1mb.kt', header: /^\s*(?:package|import)\s[^\n]*$/ },
  { language: 'csharp', folder: 'csharp', name: 'Generated1mb.cs', header: /^\s*using\s[^\n(]*;\s*$/ },
  // Python and Go are read whole in the editor (their fixes read the file's imports): measured beside the JVM files.
  { language: 'python', folder: 'python', name: 'generated_1mb.py', header: /^(?:import|from)\s[^\n]*$/ },
  // A Go import block spans lines: only the package clause is taken out (the blocks stay in the bodies).
  { language: 'go', folder: 'go', name: 'generated_1mb.go', header: /^package\s[^\n]*$/ },
] as const;

/** The files of one language's development batches, sorted. */
function developmentFiles(folder: string): string[] {
  const root = path.join(CORPUS, folder);
  if (!fs.existsSync(root)) return [];
  return corpusFiles(root).filter((f) => {
    const parts = path.relative(root, f).split(path.sep);
    return BATCHES.has(parts.length === 1 ? '' : parts[0]);
  });
}

/** A type's declared name in the text (class, record, enum, interface, object, struct). */
const DECLARED = /\b(?:class|record|enum|interface|object|struct)[ \t]+([A-Z]\w*)/g;

/** One language's file: the package/import/using lines once at the top, then the bodies, copy after copy. */
export function jvmSourceText(files: readonly string[], header: RegExp, bytes: number): string {
  const texts = files.map((f) => fs.readFileSync(f, 'utf8').replace(/\r\n/g, '\n'));
  const heads = new Set<string>();
  const bodies = texts.map((t) =>
    t
      .split('\n')
      .filter((line) => (header.test(line) ? (heads.add(line.trim()), false) : true))
      .join('\n'),
  );
  const names = [...new Set(bodies.flatMap((b) => [...b.matchAll(DECLARED)].map((m) => m[1])))].sort((a, b) => b.length - a.length);
  const rename = names.length > 0 ? new RegExp(`\\b(?:${names.join('|')})\\b`, 'g') : undefined;
  const out = [...heads].sort();
  let size = out.join('\n').length;
  for (let copy = 0; size < bytes; copy++) {
    for (const body of bodies) {
      const renamed = copy === 0 || !rename ? body : body.replace(rename, (n) => `${n}${copy}`);
      out.push('', renamed);
      size += renamed.length + 2;
      if (size >= bytes) break;
    }
  }
  return out.join('\n') + '\n';
}

/** One language's text of about `bytes` bytes, from its development files; undefined when the corpus is absent. */
export function jvmLanguageText(language: JvmSource['language'], bytes: number): string | undefined {
  const lang = LANGUAGES.find((l) => l.language === language);
  const files = lang ? developmentFiles(lang.folder) : [];
  return lang && files.length > 0 ? jvmSourceText(files, lang.header, bytes) : undefined;
}

/** Writes (once per corpus content) and lists the ~1 MB Java, Kotlin, C#, Python and Go files; none when the corpus is absent. */
export function jvmSources(): JvmSource[] {
  const out: JvmSource[] = [];
  for (const lang of LANGUAGES) {
    const text = jvmLanguageText(lang.language, TARGET_BYTES);
    if (text === undefined) continue;
    const digest = createHash('sha256').update(text).digest('hex').slice(0, 10);
    const file = path.join(generatedRoot(), `${lang.language}-${digest}`, lang.name);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
    out.push({ language: lang.language, path: file });
  }
  return out;
}
