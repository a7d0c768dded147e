import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { parseDockerfile } from '../../server/src/engine/parsers/dockerfile';
import { logicalText } from '../../server/src/engine/parsers/dockerfile-script';
import { parseShell } from '../../server/src/engine/parsers/dockerfile-shell';
import { readScript, programName } from '../../server/src/engine/parsers/dockerfile-shell-commands';
import { REALWORLD } from './corpus';

// Our RUN-script reader against two maintained shell parsers, on every RUN script of the real-world
// corpus and on the nesting attacks of issue 11. Not a test and not a dependency: the two parsers are
// installed outside the project, for this measurement only:
//
//   npm install --prefix /tmp/shell-parsers --no-save --ignore-scripts web-tree-sitter@0.27.1 tree-sitter-bash@0.25.1 sh-syntax@0.7.0
//   SHELL_PARSERS=/tmp/shell-parsers node --import tsx test/bench/shell-parsers.ts
//
// "Programs" compares, per script, the multiset of program names each reader finds (ours without
// reading `sh -c` strings, which neither other parser looks into; tree-sitter's command,
// declaration_command, test_command and unset_command nodes). Figures are in the docs/architecture.md.

interface TreeNode {
  type: string;
  text: string;
  childCount: number;
  child(i: number): TreeNode | null;
  childForFieldName(name: string): TreeNode | null;
  hasError: boolean;
}
interface TreeSitter {
  parse(text: string): { rootNode: TreeNode; delete(): void } | null;
}
type ShSyntax = (text: string) => Promise<{ Stmts: unknown[] }>;

async function loadParsers(root: string): Promise<{ treeSitter: TreeSitter; shSyntax: ShSyntax }> {
  const load = createRequire(path.join(root, 'node_modules', 'index.js'));
  const ts = load('web-tree-sitter') as { Parser: { init(): Promise<void>; new (): TreeSitter & { setLanguage(l: unknown): void } }; Language: { load(p: string): Promise<unknown> } };
  await ts.Parser.init();
  const parser = new ts.Parser();
  parser.setLanguage(await ts.Language.load(path.join(root, 'node_modules', 'tree-sitter-bash', 'tree-sitter-bash.wasm')));
  const sh = load('sh-syntax') as { parse: ShSyntax };
  return { treeSitter: parser, shSyntax: sh.parse };
}

/** Program names of tree-sitter-bash's simple commands, walked without recursion (trees can be 1,000 deep). */
function treeSitterPrograms(root: TreeNode): string[] {
  const out: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop() as TreeNode;
    if (node.type === 'command') {
      const name = node.childForFieldName('name');
      if (name) out.push(programName(name.text.replace(/^["']|["']$/g, '')));
    } else if (node.type === 'declaration_command' || node.type === 'unset_command') out.push(node.child(0)?.text ?? '');
    else if (node.type === 'test_command') out.push(node.child(0)?.text ?? '');
    for (let i = node.childCount - 1; i >= 0; i--) stack.push(node.child(i) as TreeNode);
  }
  return out;
}

const SH_SYNTAX_EVERY = 10;
const NOT_POSIX = /^\s*SHELL\s*\[[^\]]*(?:powershell|pwsh|cmd)/im;
const identity = { start: (i: number) => i, end: (i: number) => i };

function ourPrograms(script: string): string[] {
  return parseShell(script, identity)
    .filter((c) => c.words.length > 0)
    .map((c) => programName(c.words[0].value));
}

function corpusScripts(): string[] {
  const root = path.join(REALWORLD, 'dockerfiles');
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) (e.isDirectory() ? walk : (p: string) => files.push(p))(path.join(dir, e.name));
  };
  walk(root);
  const scripts: string[] = [];
  for (const file of files.sort()) {
    const text = fs.readFileSync(file, 'utf8');
    if (NOT_POSIX.test(text)) continue; // RUN runs PowerShell or cmd: no shell parser reads it
    const model = parseDockerfile(text);
    for (const s of model.runScripts()) {
      if (s.form === 'shell') scripts.push(logicalText(text, s.span.start, s.span.end, model.escape).text);
      else if (s.form === 'heredoc') scripts.push(text.slice(s.span.start, s.span.end));
    }
  }
  return scripts;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const us = (ms: number): string => `${(ms * 1000).toFixed(0)} µs`;

function sameMultiset(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join('\0') === [...b].sort().join('\0');
}

async function time<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value?: T; error?: string }> {
  const t0 = performance.now();
  try {
    const value = await fn();
    return { ms: performance.now() - t0, value };
  } catch (err) {
    return { ms: performance.now() - t0, error: String(err instanceof Error ? err.message : err).slice(0, 160) };
  }
}

async function main(): Promise<void> {
  const root = process.env.SHELL_PARSERS;
  if (!root || !fs.existsSync(path.join(root, 'node_modules', 'web-tree-sitter'))) {
    console.log('SHELL_PARSERS is not set to a folder with web-tree-sitter, tree-sitter-bash and sh-syntax installed; see the header of this file.');
    return;
  }
  if (!fs.existsSync(REALWORLD)) {
    console.log(`skipped: no real-world corpus at ${REALWORLD}`);
    return;
  }
  const { treeSitter, shSyntax } = await loadParsers(root);
  const limit = Number(process.env.SCRIPTS ?? Infinity);
  const scripts = corpusScripts().slice(0, limit);
  console.log(`read ${scripts.length} scripts`);
  const cost = { ours: [] as number[], oursWithShC: [] as number[], treeSitter: [] as number[], shSyntax: [] as number[] };
  let agree = 0;
  let tsErrors = 0;
  let shErrors = 0;
  let oursCommands = 0;
  let tsCommands = 0;
  let shcCommands = 0;
  const disagreements: string[] = [];
  for (const [index, script] of scripts.entries()) {
    let t0 = performance.now();
    const ours = ourPrograms(script);
    cost.ours.push(performance.now() - t0);
    t0 = performance.now();
    shcCommands += readScript(script, identity).filter((c) => c.nesting === 'shell-string').length;
    cost.oursWithShC.push(performance.now() - t0);
    t0 = performance.now();
    const tree = treeSitter.parse(script);
    const theirs = tree ? treeSitterPrograms(tree.rootNode) : [];
    cost.treeSitter.push(performance.now() - t0);
    if (tree?.rootNode.hasError) tsErrors++;
    tree?.delete();
    // sh-syntax costs ~70 ms a call (Go's runtime in WebAssembly): a sample keeps the run short.
    if (index % SH_SYNTAX_EVERY === 0) {
      const sh = await time(() => shSyntax(script));
      cost.shSyntax.push(sh.ms);
      if (sh.error) shErrors++;
    }
    oursCommands += ours.length;
    tsCommands += theirs.length;
    if (sameMultiset(ours, theirs)) agree++;
    else if (disagreements.length < 8) disagreements.push(`ours [${ours.join(' ')}] tree-sitter [${theirs.join(' ')}] :: ${script.slice(0, 100).replace(/\n/g, '⏎')}`);
  }
  console.log(`${scripts.length} RUN scripts from ${REALWORLD}`);
  console.log(`programs: ours ${oursCommands}, tree-sitter-bash ${tsCommands}; same multiset in ${agree} scripts (${((100 * agree) / scripts.length).toFixed(1)}%)`);
  console.log(`sh -c strings: ours reads ${shcCommands} more commands inside them; tree-sitter and sh-syntax see a string`);
  console.log(`syntax errors: tree-sitter ${tsErrors} scripts with ERROR nodes, sh-syntax ${shErrors} of ${cost.shSyntax.length} sampled scripts refused`);
  for (const [name, values] of Object.entries(cost)) {
    console.log(`${name.padEnd(12)} per script p50 ${us(percentile(values, 50))}, p99 ${us(percentile(values, 99))}, total ${values.reduce((a, b) => a + b, 0).toFixed(0)} ms`);
  }
  for (const d of disagreements) console.log(`  differs: ${d}`);

  const attacks: [string, string][] = [
    ['1,000 nested $( (8 KB)', `echo ${'$(echo '.repeat(999)}$(x${')'.repeat(1000)}`],
    ['900 nested $( in 600 KB', `echo ${'$(echo '.repeat(899)}$(${'x'.repeat(600_000 - 6300)}${')'.repeat(900)}`],
    ['flat $(a;a;…) 260 KB', `echo $(${'a;'.repeat(130_000)})`],
  ];
  for (const [name, script] of attacks) {
    // Ours as the rules see it: the RUN read in full, or flat when past the limits.
    const model = parseDockerfile(`FROM a\nRUN ${script}\n`); // dockerfile-ast's share is not the reader's
    const ours = await time(() => {
      const [run] = model.runScripts();
      if (run.tooComplex) throw new Error(`too complex (${run.tooComplex}), flat scan: ${run.commands.length} commands`);
      return run.commands.length;
    });
    const ts = await time(() => {
      const tree = treeSitter.parse(script);
      const n = tree ? treeSitterPrograms(tree.rootNode).length : 0;
      tree?.delete();
      return n;
    });
    const sh = await time(async () => (await shSyntax(script)).Stmts.length);
    const show = (r: { ms: number; value?: number; error?: string }): string => `${r.ms.toFixed(0)} ms, ${r.error ?? `${r.value} commands`}`;
    console.log(`${name}: ours ${show(ours)} | tree-sitter ${show(ts)} | sh-syntax ${show(sh)} (statements)`);
  }
}

void main();
