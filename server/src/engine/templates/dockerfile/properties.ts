import type { Arg, Env, Property } from 'dockerfile-ast';
import type { DockerfileModel, InstructionEntry } from '../../parsers/dockerfile';
import type { Span, TextEdit } from '../../types';
import { deleteInstruction, deleteToken } from './edits';
import { fromText } from '../../parsers/dockerfile-text-memo';

/** One NAME=value of an ENV or ARG instruction, ONBUILD triggers and global ARGs included. */
export interface PropertyRef {
  readonly entry: InstructionEntry;
  readonly keyword: 'ENV' | 'ARG';
  readonly name: string;
  /** The value with quotes removed; undefined when none is given (`ARG NAME`). */
  readonly value?: string;
  readonly nameSpan: Span;
  readonly valueSpan?: Span;
  /** NAME=value (or `NAME value`) as written. */
  readonly span: Span;
  /** How many pairs the instruction declares. */
  readonly siblings: number;
  /** Where the instruction's next pair starts, if any. */
  readonly nextStart?: number;
}

const PROPERTIES_KEY = Symbol('propertiesOf');

/** Every NAME=value of the model's ENV and ARG instructions, read once per model for every rule that asks. */
export function propertiesOf(model: DockerfileModel): readonly PropertyRef[] {
  let read = model.memo.get(PROPERTIES_KEY) as readonly PropertyRef[] | undefined;
  if (!read) model.memo.set(PROPERTIES_KEY, (read = readProperties(model)));
  return read;
}

function readProperties(model: DockerfileModel): PropertyRef[] {
  const out: PropertyRef[] = [];
  for (const entry of model.entries) {
    if (entry.keyword !== 'ENV' && entry.keyword !== 'ARG') continue;
    const keyword = entry.keyword;
    // An ONBUILD trigger starts after its ONBUILD; any other instruction where its entry does.
    const base = entry.onbuild ? model.span(entry.instruction.getRange()).start : entry.span.start;
    const pairs = fromText(entry.instruction, PAIRS_KEY, () => readPairs(model, entry.instruction as Env | Arg, keyword, base));
    for (const pair of pairs) {
      const nameSpan = { start: base + pair.nameStart, end: base + pair.nameEnd };
      const valueSpan = pair.valueStart === undefined || pair.valueEnd === undefined ? undefined : { start: base + pair.valueStart, end: base + pair.valueEnd };
      out.push({
        entry,
        keyword,
        name: pair.name,
        value: pair.value,
        nameSpan,
        valueSpan,
        span: { start: nameSpan.start, end: valueSpan?.end ?? nameSpan.end },
        siblings: pairs.length,
        nextStart: pair.nextStart === undefined ? undefined : base + pair.nextStart,
      });
    }
  }
  return out;
}

/** A PropertyRef's own part, read from the instruction's text alone: offsets from the instruction's start. */
interface Pair {
  readonly name: string;
  readonly value?: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly valueStart?: number;
  readonly valueEnd?: number;
  readonly nextStart?: number;
}

const PAIRS_KEY = Symbol('propertyPairs');

function readPairs(model: DockerfileModel, instruction: Env | Arg, keyword: 'ENV' | 'ARG', base: number): Pair[] {
  const properties: Property[] = instruction.getProperties();
  return properties.map((property, index) => {
    const nameSpan = model.span(property.getNameRange());
    const valueRange = property.getValueRange();
    // `ARG A B` declares two build arguments; only ENV has the legacy `NAME value` form.
    const hasValue = property.getValue() !== null && (keyword === 'ENV' || property.getAssignmentOperator() === '=');
    const valueSpan = hasValue && valueRange ? model.span(valueRange) : undefined;
    return {
      name: property.getName(),
      value: hasValue ? (property.getValue() ?? undefined) : undefined,
      nameStart: nameSpan.start - base,
      nameEnd: nameSpan.end - base,
      valueStart: valueSpan && valueSpan.start - base,
      valueEnd: valueSpan && valueSpan.end - base,
      nextStart: index + 1 < properties.length ? model.span(properties[index + 1].getNameRange()).start - base : undefined,
    };
  });
}

/** Removes one pair from ENV/ARG, or the whole instruction when it declares only that pair. */
export function deleteProperty(model: DockerfileModel, property: PropertyRef): TextEdit[] | undefined {
  if (property.siblings === 1) return deleteInstruction(model, property.entry);
  // Up to the next pair, so `ENV A=1 \ <newline> B=2` becomes `ENV B=2` rather than `ENV \ …`.
  const between = property.nextStart !== undefined ? model.text.slice(property.span.end, property.nextStart) : undefined;
  if (between !== undefined && !/[\r\n][ \t]*#/.test(between)) return [{ span: { start: property.span.start, end: property.nextStart ?? property.span.end }, newText: '' }];
  return deleteToken(model, property.span);
}
