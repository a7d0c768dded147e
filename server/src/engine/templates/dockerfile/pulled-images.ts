import type { Copy, Flag, ModifiableInstruction } from 'dockerfile-ast';
import type { DockerfileModel } from '../../parsers/dockerfile';
import type { Span } from '../../types';
import { globalArgDefaults, imageOf, substitute } from './image-reference';

// Every image a build pulls: each FROM, each `COPY --from=<image>` and each `RUN --mount=…,from=<image>`
// whose source is not a build stage (by alias, or by index as in `--from=0`).

export interface PulledImage {
  /** After global ARG defaults. */
  readonly text: string;
  readonly span: Span;
  /** Written literally (no variables), so replacing the span with another reference is safe. */
  readonly replaceable: boolean;
  /** The stage (alias or 1-based index) the instruction is in. */
  readonly stage: string;
}

export function pulledImages(model: DockerfileModel): PulledImage[] {
  const out: PulledImage[] = [];
  const aliases = new Set(model.stages.flatMap((s) => (s.alias ? [s.alias] : [])));
  const defaults = globalArgDefaults(model);
  const isStage = (value: string) => aliases.has(value.toLowerCase()) || /^[0-9]+$/.test(value);
  for (const stage of model.stages) {
    const stageName = stage.alias ?? String(stage.index + 1);
    const from = imageOf(model, stage);
    if (from && !from.isLocal && from.resolved) out.push({ text: from.resolved, span: from.span, replaceable: !from.raw.includes('$'), stage: stageName });
    const add = (raw: string | null, range: Parameters<DockerfileModel['span']>[0] | null) => {
      if (!raw || !range) return;
      const text = substitute(raw, defaults);
      if (text === undefined || isStage(text) || text.toLowerCase() === 'scratch') return;
      out.push({ text, span: model.span(range), replaceable: !raw.includes('$'), stage: stageName });
    };
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword === 'COPY') {
        const flag: Flag | null = (instruction as Copy).getFromFlag();
        add(flag?.getValue() ?? null, flag?.getValueRange() ?? null);
      } else if (keyword === 'RUN') {
        for (const flag of (instruction as ModifiableInstruction).getFlags()) {
          if (flag.getName() !== 'mount') continue;
          const option = flag.getOption('from');
          add(option?.getValue() ?? null, option?.getValueRange() ?? null);
        }
      }
    }
  }
  return out;
}
