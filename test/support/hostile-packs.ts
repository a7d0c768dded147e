import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Hostile rule packs, generated in temporary folders at test time (no 50 MB files in the repository).
// Each names the file and line its one error must point at, so CLI and server tests share the set.

const PIN_TEMPLATE = 'match:\n  template: dockerfile-base-image-pin\n  params:\n    require: tag\n';

export function ruleYaml(id: string, severity = 'high', match = PIN_TEMPLATE, extra = ''): string {
  return `id: ${id}\ntitle: Hostile pack test rule\nseverity: ${severity}\nconfidence: high\nmessage: 'Image "{{image}}" is not pinned.'\ndescription: A rule of a generated test pack.\nremediation: Pin the image.\n${extra}${match}`;
}

export function regexRule(id: string, pattern: string): string {
  const match = `match:\n  template: text-secret-pattern\n  params:\n    keywords: [needle]\n    pattern: '${pattern}'\n`;
  return `id: ${id}\ntitle: Hostile regex rule\nseverity: high\nconfidence: high\nmessage: 'Found a needle.'\ndescription: A rule of a generated test pack.\nremediation: Remove it.\n${match}`;
}

/** A billion-laughs rule.yaml: ten levels of ten aliases each (10^10 nodes if expanded). */
export function aliasBomb(id: string): string {
  const lines = [`id: ${id}`, 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

export class PackBuilder {
  readonly root: string;

  constructor(readonly id: string, parent = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-hostile-'))) {
    this.root = path.join(parent, id);
    fs.mkdirSync(this.root, { recursive: true });
    this.file('pack.yaml', `id: ${id}\nversion: 1.0.0\ndescription: A generated hostile pack.\n`);
  }

  /** Writes `rel` (with `/`), creating folders. */
  file(rel: string, text: string): this {
    const full = path.join(this.root, ...rel.split('/'));
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    return this;
  }

  rule(folder: string, text: string): this {
    return this.file(`dockerfile/${folder}/rule.yaml`, text);
  }

  /** Grows a file to `bytes` without writing them (a sparse file: cheap, and its size is what counts). */
  grow(rel: string, bytes: number): this {
    fs.truncateSync(path.join(this.root, ...rel.split('/')), bytes);
    return this;
  }

  link(rel: string, target: string): this {
    const full = path.join(this.root, ...rel.split('/'));
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.symlinkSync(target, full);
    return this;
  }

  fifo(rel: string): this {
    const full = path.join(this.root, ...rel.split('/'));
    fs.mkdirSync(path.dirname(full), { recursive: true });
    execFileSync('mkfifo', [full]);
    return this;
  }

  remove(): void {
    fs.rmSync(path.dirname(this.root), { recursive: true, force: true });
  }
}

/** A file outside every pack that a hostile pack points at; it must never be read or written. */
export function outsideFile(content: string): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-outside-'));
  const file = path.join(dir, 'outside.txt');
  fs.writeFileSync(file, content);
  return { dir, file };
}

export interface HostileCase {
  readonly name: string;
  /** Builds the pack; `outside` is a file outside it that links may point at. */
  readonly build: (outside: string) => PackBuilder;
  /** The one error: `<file relative to the pack>[:line]: <message>` as the CLI prints it. */
  readonly error: RegExp;
}

export const OUTSIDE_SECRET = 'outside-the-pack-do-not-read-7f3a';

/** One case per way a pack can be hostile; each yields exactly one error naming its file (and line when known). */
export function hostileCases(): HostileCase[] {
  const pack = (name: string) => new PackBuilder(name);
  return [
    { name: 'alias-bomb', build: () => pack('alias-bomb').rule('bomb', aliasBomb('bomb')), error: /dockerfile\/bomb\/rule\.yaml:3: the YAML expands aliases too much/ },
    { name: 'deep-brackets', build: () => pack('deep-brackets').rule('deep', `id: deep\nmatch: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`), error: /dockerfile\/deep\/rule\.yaml:2: brackets \(\[ or \{\) nest deeper than 64 levels/ },
    { name: 'huge-rule', build: () => pack('huge-rule').rule('huge', ruleYaml('huge')).grow('dockerfile/huge/rule.yaml', 50 * 1024 * 1024), error: /dockerfile\/huge\/rule\.yaml: the file is too large \(52,428,800 bytes; the limit is 262,144\)/ },
    { name: 'huge-manifest', build: () => pack('huge-manifest').rule('fine', ruleYaml('fine')).grow('pack.yaml', 50 * 1024 * 1024), error: /pack\.yaml: the file is too large \(52,428,800 bytes/ },
    { name: 'rule-symlink', build: (outside) => pack('rule-symlink').link('dockerfile/linked/rule.yaml', outside), error: /dockerfile\/linked\/rule\.yaml: is a symbolic link; packs may not contain links/ },
    { name: 'folder-symlink', build: (outside) => pack('folder-symlink').link('dockerfile/elsewhere', path.dirname(outside)), error: /dockerfile\/elsewhere: is a symbolic link/ },
    { name: 'fifo', build: () => pack('fifo').fifo('dockerfile/pipe/rule.yaml'), error: /dockerfile\/pipe\/rule\.yaml: is not a regular file or folder/ },
    { name: 'traversal-id', build: () => pack('traversal-id').rule('escape', ruleYaml('../../escape')), error: /dockerfile\/escape\/rule\.yaml:1: id must match pattern/ },
    { name: 'proto-id', build: () => pack('proto-id').rule('__proto__', ruleYaml('__proto__')), error: /dockerfile\/__proto__\/rule\.yaml:1: id must match pattern/ },
    { name: 'camel-id', build: () => pack('camel-id').rule('toString', ruleYaml('toString')), error: /dockerfile\/toString\/rule\.yaml:1: id must match pattern/ },
    { name: 'long-id', build: () => pack('long-id').rule('a'.repeat(65), ruleYaml('a'.repeat(65))), error: /rule\.yaml:1: id must NOT have more than 64 characters/ },
    { name: 'bad-pack-id', build: () => new PackBuilder('bad-pack-id').file('pack.yaml', 'id: hasOwnProperty\nversion: 1.0.0\ndescription: x\n'), error: /pack\.yaml:1: id must match pattern/ },
    { name: 'proto-peer', build: () => pack('proto-peer').rule('peer', ruleYaml('peer', 'high', PIN_TEMPLATE, 'peers: { __proto__: [X1] }\n')), error: /dockerfile\/peer\/rule\.yaml:8: peers has a key "__proto__" that is not allowed/ },
    { name: 'bad-severity', build: () => pack('bad-severity').rule('sev', ruleYaml('sev', 'constructor')), error: /dockerfile\/sev\/rule\.yaml:3: severity must be one of critical, high, medium, low, info/ },
    { name: 'unknown-field', build: () => pack('unknown-field').rule('extra', ruleYaml('extra', 'high', PIN_TEMPLATE, 'run: rm -rf /\n')), error: /dockerfile\/extra\/rule\.yaml:8: the document has an unknown field "run"/ },
    { name: 'program-size', build: () => pack('program-size').rule('big', regexRule('big', '[a-z]{1000}[a-z]{1000}')), error: /dockerfile\/big\/rule\.yaml:11: template "text-secret-pattern" rejected the params: the pattern "\[a-z\]\{1000\}\[a-z\]\{1000\}" compiles to 2002 RE2 instructions; the limit is 1000/ },
    { name: 'pattern-length', build: () => pack('pattern-length').rule('long', regexRule('long', '[a-z]{1000}'.repeat(200))), error: /dockerfile\/long\/rule\.yaml:11: template "text-secret-pattern" rejected the params: the pattern "(\[a-z\]\{1000\}){3}\[a-z\]\{1…" is 2200 characters long; the limit is 1000/ },
  ];
}
