import type { Add } from 'dockerfile-ast';
import type { DockerfileModel } from '../../parsers/dockerfile';
import type { Span } from '../../types';
import { defineTemplate } from '../template';
import { argumentsOf } from './argument';

interface Params {
  /** `local`: ADD of files from the build context. `remote`: ADD of an http(s)/ftp URL without --checksum. */
  readonly sources: 'local' | 'remote';
}

/** Archives ADD unpacks (tar, plain or compressed): the reason to prefer ADD over COPY. */
const ARCHIVE = /\.(?:tar|tar\.(?:gz|bz2|xz|zst|lz|lzma|lz4|z)|tgz|tbz2?|txz|tzst|tlz|taz|tz)$/i;
const URL = /^(?:https?|ftp):\/\//i;
const GIT = /^(?:git@|git:\/\/|ssh:\/\/)|\.git(?:#.*)?$/i;
/** Flags COPY understands too; ADD-only flags (--checksum, --keep-git-dir, --unpack) block the fix. */
const COPY_FLAGS = new Set(['chown', 'chmod', 'link', 'exclude', 'parents']);

interface Source {
  readonly value: string;
  readonly span: Span;
}

export const addSource = defineTemplate<'dockerfile', Params>({
  id: 'dockerfile-add-source',
  language: 'dockerfile',
  description:
    'Looks at the sources of every ADD (ONBUILD included, shell and JSON form). `sources: local` flags ADD of local files that are not tar archives (ADD would only copy them, with ADD\'s surprises); ' +
    'its fix turns ADD into COPY when every source is such a file and no ADD-only flag is used. `sources: remote` flags each http(s)/ftp source of an ADD without --checksum. ' +
    'Sources with variables, git repositories and heredocs are skipped.',
  paramsSchema: {
    type: 'object',
    required: ['sources'],
    additionalProperties: false,
    properties: { sources: { enum: ['local', 'remote'] } },
  },
  placeholders: ['source'],
  fixKind: 'autofix',
  instantiate: (params) => (model, ctx) => {
    for (const entry of model.entries) {
      if (entry.keyword !== 'ADD') continue;
      const add = entry.instruction as Add;
      const sources = sourcesOf(model, add);
      if (sources.some((s) => s.value.startsWith('<<'))) continue; // heredoc: the content is inline
      const flags = add.getFlags().map((f) => f.getName().toLowerCase());
      if (params.sources === 'remote') {
        if (flags.includes('checksum')) continue;
        for (const s of sources) if (URL.test(s.value) && !GIT.test(s.value)) ctx.report({ span: s.span, data: { source: withoutCredentials(s.value) }, key: s.value });
        continue;
      }
      const literal = sources.filter((s) => !s.value.includes('$'));
      const plain = literal.filter((s) => !URL.test(s.value) && !GIT.test(s.value) && !ARCHIVE.test(s.value));
      if (plain.length === 0) continue;
      const fixable = plain.length === sources.length && flags.every((f) => COPY_FLAGS.has(f));
      const keyword = model.span(add.getInstructionRange());
      const written = add.getInstruction();
      ctx.report({
        span: keyword,
        data: { source: plain[0].value },
        key: plain.map((s) => s.value).join(' '),
        fixes: fixable ? [{ title: 'Use COPY instead of ADD', kind: 'autofix', edits: [{ span: keyword, newText: written === written.toLowerCase() ? 'copy' : 'COPY' }] }] : [],
      });
    }
  },
});

/** The sources (every argument but the destination), in shell or JSON form. */
function sourcesOf(model: DockerfileModel, add: Add): Source[] {
  return argumentsOf(model, add).slice(0, -1);
}

/** URLs may carry credentials (`https://user:token@host/…`); messages never show them. */
function withoutCredentials(url: string): string {
  return url.replace(/^([a-z]+:\/\/)[^/@\s]*@/i, '$1…@');
}
