import type { DockerfileModel, InstructionEntry, Stage } from '../../parsers/dockerfile';
import { fromText } from '../../parsers/dockerfile-text-memo';
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
  const later = (entriesByStage(model).get(stage) ?? []).filter((e) => e.span.start >= property.span.end && namesRead(model, e).has(property.name));
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

const NAMES_READ_KEY = Symbol('namesRead');

/** `$NAME`, `${NAME}` and `${NAME:…}`: the longest name after a `$`, or a braced name ended by `}` or `:`. */
const VARIABLE_READ = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)[:}]|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * The variables an instruction reads, kept with its text (dockerfile-text-memo.ts): each secret in an ENV
 * compiled a pattern of its name and ran it over every later instruction of its stage at each keystroke
 * (~180 secrets in the 5,000-line bench file). A name is in the set exactly when that pattern,
 * `\$(?:\{NAME[:}]|NAME(?![A-Za-z0-9_]))`, matches the instruction's text.
 */
function namesRead(model: DockerfileModel, entry: InstructionEntry): ReadonlySet<string> {
  // Also once per model: the CLI's instructions keep no text memo.
  let byEntry = model.memo.get(NAMES_READ_KEY) as Map<InstructionEntry, ReadonlySet<string>> | undefined;
  if (!byEntry) model.memo.set(NAMES_READ_KEY, (byEntry = new Map()));
  let names = byEntry.get(entry);
  if (!names) {
    names = fromText(entry.onbuild ?? entry.instruction, NAMES_READ_KEY, () => {
      const read = new Set<string>();
      for (const m of model.text.slice(entry.span.start, entry.span.end).matchAll(VARIABLE_READ)) read.add(m[1] ?? m[2]);
      return read;
    });
    byEntry.set(entry, names);
  }
  return names;
}
