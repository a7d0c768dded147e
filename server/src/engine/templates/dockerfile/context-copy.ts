import type { ModifiableInstruction } from 'dockerfile-ast';
import type { Fix } from '../../types';
import { excludedBy } from '../../workspace/dockerignore';
import { resolveRelative, sameFile } from '../../workspace/paths';
import { defineTemplate } from '../template';
import { argumentsOf } from './argument';

// `COPY . .` sends the whole build context into a layer. What keeps .git, .env files and keys out is the
// context's ignore file, which only the workspace knows: the caller indexes it (present, or looked for
// and absent). A Dockerfile whose folder nobody indexed gets no finding rather than a guess.

interface Entry {
  /** The line the suggestion adds to the ignore file (`**\/*.pem`). */
  readonly entry: string;
  /** Context paths the ignore file must exclude for this entry to count as present (`server.pem`). */
  readonly examples: readonly string[];
}

interface Params {
  /** What the ignore file must keep out of a whole-context copy, in the order the message and the fix list them. */
  readonly mustExclude: readonly Entry[];
}

/** Sources that name the whole context root. */
const WHOLE_CONTEXT: ReadonlySet<string> = new Set(['.', './', '*', './*']);

export const contextCopy = defineTemplate<'dockerfile', Params>({
  id: 'dockerfile-context-copy',
  language: 'dockerfile',
  description:
    'Flags COPY and ADD of the whole build context (a source of `.`, `./`, `*` or `./*`, without --from; ONBUILD included) when the ignore file the build reads ' +
    '(BuildKit\'s `<Dockerfile>.dockerignore`, else the `.dockerignore` of the context a compose file of the workspace builds it with, else of the Dockerfile\'s folder) is missing or does not exclude every `mustExclude` entry, judged by Docker\'s own matching (`!` re-includes, last match wins). ' +
    'Reads the workspace index; silent for a Dockerfile whose folder was not indexed. The suggestion creates the ignore file, or appends the missing entries to it, when it sits beside the Dockerfile.',
  paramsSchema: {
    type: 'object',
    required: ['mustExclude'],
    additionalProperties: false,
    properties: {
      mustExclude: {
        type: 'array',
        minItems: 1,
        description: 'What the ignore file must keep out of a whole-context copy, in the order the message and the fix list them.',
        items: {
          type: 'object',
          required: ['entry', 'examples'],
          additionalProperties: false,
          properties: {
            entry: { type: 'string', minLength: 1, pattern: '^[^\\s!#][^\\r\\n]*$', description: 'The line the suggestion adds to the ignore file (`**/*.pem`).' },
            examples: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1, pattern: '^[^/]' }, description: 'Context paths the ignore file must exclude for the entry to count as present (`server.pem`).' },
          },
        },
      },
    },
  },
  placeholders: ['instruction', 'source', 'problem'],
  fixKind: 'suggestion',
  fixesOtherFiles: true,
  readsWorkspace: true,
  instantiate: (params) => (model, ctx) => {
    if (!ctx.workspace || ctx.uri === undefined) return;
    const copies = model.entries.filter((e) => (e.keyword === 'COPY' || e.keyword === 'ADD') && !(e.instruction as ModifiableInstruction).getFlags().some((f) => f.getName().toLowerCase() === 'from'));
    if (copies.length === 0) return;
    const ignore = ctx.workspace.dockerignoreFor(ctx.uri);
    if (!ignore) return;
    const missing = params.mustExclude.filter((m) => !ignore.exists || !m.examples.every((path) => excludedBy(ignore.patterns, path)));
    if (missing.length === 0) return;
    const fileName = ignore.uri.split(/[\\/]/).pop() ?? '.dockerignore';
    const problem = ignore.exists
      ? `${fileName} does not exclude ${missing.map((m) => m.entry).join(', ')}`
      : 'the build context has no .dockerignore';
    // The editor creates or extends a file beside the Dockerfile: none when the context is another folder.
    const beside = sameFile(resolveRelative(ctx.uri, fileName), ignore.uri);
    const fix: Fix = {
      title: ignore.exists ? `Add ${missing.map((m) => m.entry).join(', ')} to ${fileName}` : 'Create .dockerignore',
      kind: 'suggestion',
      edits: [],
      companionFile: { title: ignore.exists ? `Add ${missing.map((m) => m.entry).join(', ')} to ${fileName}` : 'Create .dockerignore', fileName, text: missing.map((m) => `${m.entry}\n`).join(''), append: true },
    };
    const related = ignore.exists ? [{ uri: ignore.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: `The ignore file this build reads.` }] : [];
    for (const entry of copies) {
      const sources = argumentsOf(model, entry.instruction).slice(0, -1);
      const whole = sources.find((s) => WHOLE_CONTEXT.has(s.value));
      if (!whole) continue;
      ctx.report({ span: whole.span, data: { instruction: entry.keyword, source: whole.value, problem }, key: `${entry.keyword} ${whole.value}`, fixes: beside ? [fix] : [], ...(related.length > 0 ? { related } : {}) });
    }
  },
});
