import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SeededRandom } from './random';

// Deterministic bench inputs that the corpus lacks: a 1 MB source file with secrets, a 5,000-line
// Dockerfile and a ~20 MiB mixed tree. Written under the OS temp folder, never into the project;
// the values that look like secrets are random and belong to nobody.

const GENERATOR_VERSION = 1;
const BENCH_SEED = 20261206;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B64 = ALNUM + '/+';

export function generatedRoot(): string {
  return path.join(os.tmpdir(), 'bulwark-bench', `generated-v${GENERATOR_VERSION}-${BENCH_SEED}`);
}

/** One line holding a secret the built-in secret rules detect, in the given flavour's syntax. */
function secretLine(rng: SeededRandom, flavour: string, indent: string): string {
  const assign = (key: string, value: string): string => {
    switch (flavour) {
      case 'py':
        return `${indent}${key.toUpperCase()} = "${value}"`;
      case 'go':
        return `${indent}${key} := "${value}"`;
      case 'env':
      case 'properties':
        return `${key.toUpperCase()}=${value}`;
      default:
        return `${indent}const ${key} = '${value}';`;
    }
  };
  switch (rng.int(0, 4)) {
    case 0:
      return assign('awsAccessKeyId', `AKIA${rng.chars(B32, 16)}`);
    case 1:
      return assign('githubToken', `ghp_${rng.chars(ALNUM, 36)}`);
    case 2:
      return assign('databasePassword', rng.chars(ALNUM, 18) + rng.chars('!#%&*', 2));
    case 3:
      return assign('aws_secret_access_key', rng.chars(B64, 40));
    default:
      return assign('slackWebhook', `https://hooks.slack.com/services/T${rng.chars(B32, 8)}/B${rng.chars(B32, 8)}/${rng.chars(ALNUM, 24)}`);
  }
}

const WORDS = ['account', 'request', 'cache', 'order', 'client', 'buffer', 'session', 'payload', 'index', 'record', 'retry', 'limit', 'stream', 'token', 'user', 'config', 'handler', 'result'];

function codeLine(rng: SeededRandom, flavour: string, indent: string): string {
  const a = rng.pick(WORDS);
  const b = rng.pick(WORDS);
  const n = rng.int(0, 999);
  switch (flavour) {
    case 'py':
      return rng.next() < 0.15 ? `${indent}# ${a} ${b}: keep ${n} entries at most` : `${indent}${a}_${b} = ${b}.get("${a}", ${n})`;
    case 'go':
      return rng.next() < 0.15 ? `${indent}// ${a} ${b}: keep ${n} entries at most` : `${indent}${a}${b[0].toUpperCase()}${b.slice(1)} := ${b}.Get("${a}", ${n})`;
    case 'env':
    case 'properties':
      return rng.next() < 0.15 ? `# ${a} ${b}` : `${a.toUpperCase()}_${b.toUpperCase()}=${n}`;
    default:
      return rng.next() < 0.15 ? `${indent}// ${a} ${b}: keep ${n} entries at most` : `${indent}const ${a}${n} = ${b}.get('${a}') ?? ${n};`;
  }
}

/** Source text of about `bytes` bytes: functions of code lines, a secret every ~40 lines. */
export function sourceText(rng: SeededRandom, flavour: string, bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  const push = (line: string) => {
    lines.push(line);
    size += line.length + 1;
  };
  while (size < bytes) {
    const name = `${rng.pick(WORDS)}${rng.int(0, 9999)}`;
    const flat = flavour === 'env' || flavour === 'properties';
    if (!flat) push(flavour === 'py' ? `def ${name}(${rng.pick(WORDS)}):` : flavour === 'go' ? `func ${name}() {` : `export function ${name}(): void {`);
    const body = rng.int(5, 30);
    for (let i = 0; i < body && size < bytes; i++) push(rng.next() < 0.025 ? secretLine(rng, flavour, flat ? '' : '  ') : codeLine(rng, flavour, flat ? '' : '  '));
    if (!flat && flavour !== 'py') push('}');
    push('');
  }
  return lines.join('\n') + '\n';
}

/** A long multi-stage Dockerfile of exactly `lineCount` lines. */
export function dockerfileText(rng: SeededRandom, lineCount: number): string {
  const lines: string[] = ['FROM debian:12 AS base'];
  const blocks: (() => string[])[] = [
    () => [`FROM ${rng.pick(['debian:12', 'alpine:3.20', 'node:20-bookworm', 'python:3.12-slim', 'ubuntu:latest'])} AS stage${rng.int(0, 999)}`],
    () => [`# ${rng.pick(WORDS)} ${rng.pick(WORDS)}: build step ${rng.int(0, 999)}`],
    () => [`ENV ${rng.pick(WORDS).toUpperCase()}_${rng.pick(WORDS).toUpperCase()}=${rng.int(0, 9999)}`],
    () => [`ARG ${rng.pick(WORDS).toUpperCase()}_VERSION=${rng.int(1, 9)}.${rng.int(0, 20)}.${rng.int(0, 9)}`],
    () => {
      const pkgs = rng.int(3, 25);
      const out = ['RUN set -eux; \\', '    apt-get update; \\', '    apt-get install -y --no-install-recommends \\'];
      for (let i = 0; i < pkgs; i++) out.push(`        lib${rng.pick(WORDS)}${rng.int(0, 99)}-dev \\`);
      out.push('    ; \\', '    rm -rf /var/lib/apt/lists/*');
      return out;
    },
    () => [`RUN curl -fsSL https://example.com/${rng.pick(WORDS)}/install.sh | sh`],
    () => [`COPY ${rng.pick(WORDS)}/ /opt/${rng.pick(WORDS)}/`, `WORKDIR /opt/${rng.pick(WORDS)}`],
    () => [`ENV ${rng.pick(['DB_PASSWORD', 'API_TOKEN', 'ADMIN_PASSWORD'])}=${rng.chars(ALNUM, 20)}`],
    () => [`USER ${rng.pick(['root', 'app', '1000:1000'])}`],
  ];
  while (lines.length < lineCount - 1) {
    const block = rng.pick(blocks)();
    if (lines.length + block.length > lineCount - 1) break;
    lines.push(...block);
  }
  while (lines.length < lineCount - 1) lines.push(`# padding ${lines.length}`);
  lines.push('CMD ["./start.sh"]');
  return lines.join('\n') + '\n';
}

export interface GeneratedFiles {
  readonly source: string;
  readonly dockerfile: string;
}

/** Writes (once per generator version and seed) the 1 MB source file and the 5,000-line Dockerfile. */
export function generatedFiles(): GeneratedFiles {
  const root = generatedRoot();
  const source = path.join(root, 'src', 'generated-1mb.ts');
  const dockerfile = path.join(root, 'big', 'Dockerfile');
  if (!fs.existsSync(source) || !fs.existsSync(dockerfile)) {
    fs.mkdirSync(path.dirname(source), { recursive: true });
    fs.mkdirSync(path.dirname(dockerfile), { recursive: true });
    fs.writeFileSync(source, sourceText(new SeededRandom(BENCH_SEED), 'ts', 1024 * 1024));
    fs.writeFileSync(dockerfile, dockerfileText(new SeededRandom(BENCH_SEED + 1), 5000));
  }
  return { source, dockerfile };
}

/** Every regular file under `dir`, sorted. */
export function corpusFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...corpusFiles(full));
    else if (entry.isFile()) out.push(full);
  }
  return out.sort();
}

const FLAVOURS = ['ts', 'ts', 'py', 'go', 'env', 'properties'];
const EXTENSION: Record<string, string> = { ts: '.ts', py: '.py', go: '.go', env: '.env', properties: '.properties' };

/**
 * A ~`mebibytes` MiB tree: half real Dockerfiles and manifests copied from the corpus (a seeded
 * choice), half generated source and config files. Built once per seed, then reused.
 */
export function mixedTree(realworld: string, mebibytes = 20): string {
  const root = path.join(path.dirname(generatedRoot()), `mixed-v${GENERATOR_VERSION}-${BENCH_SEED}-${mebibytes}mib`);
  const done = `${root}.complete`;
  if (fs.existsSync(done)) return root;
  fs.rmSync(root, { recursive: true, force: true });
  const half = (mebibytes * 1024 * 1024) / 2;
  const rng = new SeededRandom(BENCH_SEED + 2);
  const real = rng.shuffle(['dockerfiles', 'k8s'].flatMap((d) => corpusFiles(path.join(realworld, d))));
  let copied = 0;
  for (const file of real) {
    if (copied >= half) break;
    const size = fs.statSync(file).size;
    if (size > 1024 * 1024) continue;
    const target = path.join(root, 'real', path.relative(realworld, file));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file, target);
    copied += size;
  }
  let generated = 0;
  for (let i = 0; generated < half; i++) {
    const flavour = rng.pick(FLAVOURS);
    const text = sourceText(rng, flavour, rng.int(2, 64) * 1024);
    const target = path.join(root, 'src', `module${Math.floor(i / 50)}`, `file${i}${EXTENSION[flavour]}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    generated += Buffer.byteLength(text);
  }
  fs.writeFileSync(done, `${new Date().toISOString()}\n`);
  return root;
}
