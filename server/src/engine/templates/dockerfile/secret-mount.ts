import type { DockerfileModel, InstructionEntry, Stage } from '../../parsers/dockerfile';
import type { Fix, TextEdit } from '../../types';
import { deleteProperty, type PropertyRef } from './properties';

// The fix that moves a build-time secret out of ENV/ARG: the pair is removed and every RUN of the stage
// that reads the variable mounts it as a BuildKit secret exposed under the same name
// (`RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN …`), so the commands keep working and the value
// reaches neither the image nor its history. Offered only when RUN instructions are the variable's only
// readers after it is declared; a value also needed at run time (CMD, another ENV) gets no such fix.

const SYNTAX_DIRECTIVE = /^(?:#[ \t]*\w+[ \t]*=[^\r\n]*\r?\n)*#[ \t]*syntax[ \t]*=/i;

export function mountSecretFix(model: DockerfileModel, property: PropertyRef): Fix | undefined {
  const stage = property.entry.stage;
  if (!stage || property.entry.onbuild || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(property.name)) return undefined;
  const reads = new RegExp(`\\$(?:\\{${property.name}(?:[:}])|${property.name}(?![A-Za-z0-9_]))`);
  const later = (entriesByStage(model).get(stage) ?? []).filter((e) => e.span.start >= property.span.end && reads.test(model.text.slice(e.span.start, e.span.end)));
  if (later.length === 0 || later.some((e) => e.keyword !== 'RUN' || e.onbuild)) return undefined;
  const removed = deleteProperty(model, property);
  if (!removed) return undefined;
  const id = property.name.toLowerCase();
  const mount = `--mount=type=secret,id=${id},env=${property.name} `;
  const edits: TextEdit[] = [...removed];
  for (const run of later) {
    const at = run.span.start + /^RUN[ \t]+/i.exec(model.text.slice(run.span.start, run.span.start + 16))![0].length;
    edits.push({ span: { start: at, end: at }, newText: mount });
  }
  // `env=` needs a current Dockerfile frontend; the directive selects the latest 1.x.
  if (!SYNTAX_DIRECTIVE.test(model.text)) {
    const first = edits.find((e) => e.span.start === 0);
    const directive = `# syntax=docker/dockerfile:1${model.eol}`;
    if (first) edits[edits.indexOf(first)] = { ...first, newText: directive + first.newText };
    else edits.unshift({ span: { start: 0, end: 0 }, newText: directive });
  }
  return {
    title: `Pass ${property.name} as a build secret (RUN --mount=type=secret,id=${id},env=${property.name}; build with --secret id=${id},env=${property.name})`,
    kind: 'suggestion',
    edits,
  };
}

const BY_STAGE_KEY = Symbol('entriesByStage');

/** Each stage's entries, grouped once per model: a file with many secrets would otherwise walk every entry for each. */
function entriesByStage(model: DockerfileModel): ReadonlyMap<Stage, readonly InstructionEntry[]> {
  let byStage = model.memo.get(BY_STAGE_KEY) as Map<Stage, InstructionEntry[]> | undefined;
  if (byStage) return byStage;
  byStage = new Map(model.stages.map((s) => [s, []]));
  for (const entry of model.entries) if (entry.stage) byStage.get(entry.stage)?.push(entry);
  model.memo.set(BY_STAGE_KEY, byStage);
  return byStage;
}
