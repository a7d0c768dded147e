import { effectiveCommand, type EffectiveCommand } from '../../parsers/dockerfile-shell-commands';
import type { ShellCommand, ShellWord } from '../../parsers/dockerfile-shell-syntax';
import { defineTemplate } from '../template';
import { trimEndOf } from '../../trim';

interface Params {
  /** Programs that fetch from the network (curl, wget). */
  readonly downloaders: readonly string[];
  /** Programs that execute what they read (sh, bash, python …). */
  readonly interpreters: readonly string[];
}

/** Per interpreter: options that give the code inline (so stdin is not the program) and options taking a value. */
const INLINE_CODE: ReadonlyMap<string, { readonly inline: string; readonly valued: string }> = new Map(Object.entries({
  shell: { inline: 'c', valued: 'oO' },
  python: { inline: 'cm', valued: 'WX' },
  perl: { inline: 'eE', valued: 'IM' },
  ruby: { inline: 'e', valued: 'IrE' },
  node: { inline: 'ep', valued: 'r' },
  php: { inline: 'rBRFE', valued: 'cdz' },
}));
const SHELL_OPTIONS = { inline: 'c', valued: 'oO' };
const EVALUATORS = new Set(['eval', 'source', '.']);
const STDIN_FILES = new Set(['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

export const remoteExec = defineTemplate<'dockerfile', Params>({
  id: 'dockerfile-run-remote-exec',
  language: 'dockerfile',
  description:
    'Finds RUN steps that execute code straight from the network without verifying it: a downloader piped into an interpreter that reads its program from stdin (curl … | sh, wget -qO- … | sudo bash -s --), ' +
    'and an interpreter or eval/source given a download through a substitution (sh -c "$(curl …)", bash <(curl …), eval "$(wget -O- …)"). Works across line continuations, heredocs, JSON form and sh -c strings. ' +
    'curl counts when it writes to stdout (no -o/-O), wget only with -O - . No fix: the script has to be downloaded, checked against a pinned checksum or signature, then run.',
  paramsSchema: {
    type: 'object',
    required: ['downloaders', 'interpreters'],
    additionalProperties: false,
    properties: {
      downloaders: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[A-Za-z0-9_.+-]+$' } },
      interpreters: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[A-Za-z0-9_.+-]+$' } },
    },
  },
  placeholders: ['downloader', 'interpreter'],
  perRunScript: true,
  instantiate: (params) => {
    const downloaders = new Set(params.downloaders);
    const interpreters = new Set(params.interpreters);
    const downloads = (c: ShellCommand): EffectiveCommand | undefined => {
      const e = effectiveCommand(c);
      return e && downloaders.has(e.name) && writesToStdout(e) ? e : undefined;
    };
    return (model, ctx) => {
      for (const script of model.runScripts()) {
        const byPipeline = new Map<number, ShellCommand[]>();
        for (const c of script.commands) {
          const members = byPipeline.get(c.pipeline);
          if (members) members.push(c);
          else byPipeline.set(c.pipeline, [c]);
        }
        for (const pipeline of byPipeline.values()) {
          const first = pipeline.findIndex((c) => downloads(c));
          if (first < 0) continue;
          const download = downloads(pipeline[first]);
          for (const c of pipeline.slice(first + 1)) {
            const e = effectiveCommand(c);
            if (!download || !e || !interpreters.has(e.name) || !readsStdin(e)) continue;
            ctx.report({ span: { start: download.nameWord.start, end: e.nameWord.end }, data: { downloader: download.name, interpreter: e.name }, key: `${download.name}|${e.name}` });
            break;
          }
        }
        for (const c of script.commands) {
          const e = effectiveCommand(c);
          if (!e || !(interpreters.has(e.name) || EVALUATORS.has(e.name))) continue;
          const fetched = e.args.map((a) => ({ word: a, download: a.nested.map(downloads).find(Boolean) })).find((x) => x.download);
          if (!fetched?.download) continue;
          ctx.report({ span: { start: e.nameWord.start, end: fetched.word.end }, data: { downloader: fetched.download.name, interpreter: e.name }, key: `${e.name}(${fetched.download.name})` });
        }
      }
    };
  },
});

function family(name: string): string {
  if (/^python/.test(name)) return 'python';
  if (/^(perl|ruby|node|php)/.test(name)) return trimEndOf(name, '0123456789.');
  return 'shell';
}

/** Whether the interpreter takes its program from stdin: no inline code, no script file operand (or `-`, or sh -s). */
function readsStdin(e: EffectiveCommand): boolean {
  const options = INLINE_CODE.get(family(e.name)) ?? SHELL_OPTIONS;
  const args = e.args;
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    // `bash /dev/stdin -v latest` names stdin as the script file (Microsoft's getvsdbgsh instructions).
    if (v === '-' || v === '--' || STDIN_FILES.has(v)) return true;
    if (v.startsWith('--')) {
      if (v === '--eval' || v === '--print' || v === '--command') return false;
      continue;
    }
    if (!v.startsWith('-') && !v.startsWith('+')) return false;
    const letters = v.slice(1);
    if (family(e.name) === 'shell' && letters.includes('s')) return true;
    if ([...letters].some((l) => options.inline.includes(l))) return false;
    if (options.valued.includes(letters[letters.length - 1] ?? '')) i++;
  }
  return true;
}

/** curl prints the body unless told to write a file; wget writes a file unless `-O -`. */
function writesToStdout(e: EffectiveCommand): boolean {
  const args = e.args.map((a: ShellWord) => a.value);
  if (e.name === 'wget') {
    return args.some((v, i) => v === '--output-document=-' || v === '-O-' || /^-[a-zA-Z]*O-$/.test(v) || (/^-[a-zA-Z]*O$/.test(v) && args[i + 1] === '-') || (v === '--output-document' && args[i + 1] === '-'));
  }
  if (e.name === 'curl') {
    return !args.some((v, i) => {
      if (v === '-O' || v === '--remote-name' || v === '--remote-name-all' || /^-[a-zA-Z]*O$/.test(v)) return true;
      if (v === '-o' || v === '--output' || /^-[a-zA-Z]*o$/.test(v)) return args[i + 1] !== '-';
      if (v.startsWith('--output=')) return v !== '--output=-';
      return /^-[a-zA-Z]*o./.test(v) && !/^-[a-zA-Z]*o-$/.test(v);
    });
  }
  return true;
}
