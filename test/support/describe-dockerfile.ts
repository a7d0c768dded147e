import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Dockerfile, ImageTemplate, Instruction } from 'dockerfile-ast';

// Everything dockerfile-ast gives about a parsed Dockerfile that the rules read, as plain data: the
// parse tests compare ours with the library's own through it.

function call<T>(f: () => T): T | string {
  try {
    return f();
  } catch (err) {
    return `throws ${String(err)}`;
  }
}

/** The dockerfile-ast class an instruction is (ours are memoised subclasses of it). */
function libraryClass(i: Instruction): string {
  const own = i.constructor as { name: string };
  return own.name === 'Memoised' ? (Object.getPrototypeOf(own) as { name: string }).name : own.name;
}

/**
 * What a returned object shows, without the document it reads from: a cached instruction reads its own
 * text (instructionDocument), answering the same positions as the file's document would.
 */
function withoutDocuments(key: string, value: unknown): unknown {
  return key === 'document' || key === 'dockerfile' ? undefined : value;
}

function describeNullable(i: Instruction | null): unknown {
  return i ? describeInstruction(i) : null;
}

function describeInstruction(i: Instruction): unknown {
  const any = i as unknown as Record<string, (() => unknown) | undefined>;
  const optional = (name: string) => (typeof any[name] === 'function' ? call((): unknown => JSON.parse(JSON.stringify(any[name]!.call(i), withoutDocuments) ?? 'null')) : undefined);
  return {
    class: libraryClass(i),
    keyword: i.getKeyword(),
    range: i.getRange(),
    instructionRange: i.getInstructionRange(),
    args: i.getArguments().map((a) => [a.getValue(), a.getRange()]),
    raw: (i as unknown as { getRawArguments(): { getValue(): string }[] }).getRawArguments().map((a) => a.getValue()),
    argsContent: i.getArgumentsContent(),
    rawContent: i.getRawArgumentsContent(),
    argsRange: i.getArgumentsRange(),
    argsRanges: i.getArgumentsRanges(),
    variables: i.getVariables().map((v) => [v.getName(), v.getNameRange()]),
    expanded: call(() => i.getExpandedArguments().map((a) => a.getValue())),
    flags: optional('getFlags'),
    jsonStrings: optional('getJSONStrings'),
    heredocs: optional('getHeredocs'),
    properties: optional('getProperties'),
    image: optional('getImage'),
    imageRange: optional('getImageRange'),
    imageNameRange: optional('getImageNameRange'),
    imageTagRange: optional('getImageTagRange'),
    registryRange: optional('getRegistryRange'),
    imageTag: optional('getImageTag'),
    imageDigest: optional('getImageDigest'),
    registry: optional('getRegistry'),
    buildStage: optional('getBuildStage'),
    trigger: typeof any.getTriggerInstruction === 'function' ? describeNullable(any.getTriggerInstruction.call(i) as Instruction | null) : undefined,
    subcommand: optional('getSubcommand'),
  };
}

/** The stages dockerfile-ast keeps inside a Dockerfile (not in its typings). */
function internals(d: Dockerfile): { initialInstructions: ImageTemplate; buildStages: ImageTemplate[] } {
  return d as unknown as { initialInstructions: ImageTemplate; buildStages: ImageTemplate[] };
}

export function describeDockerfile(d: Dockerfile): unknown {
  return {
    escape: d.getEscapeCharacter(),
    instructions: d.getInstructions().map(describeInstruction),
    comments: d.getComments().map((c) => [c.getContent(), c.getRange()]),
    directives: d.getDirectives().map((x) => [x.getName(), x.getValue()]),
    froms: d.getFROMs().map((f) => f.getRange()),
    hasFrom: d.getInstructions().length > 0 ? d.getContainingImage(d.getInstructions()[0].getRange().start)?.getRange() : null,
    // Which stage each comment was given to (organizeComments, replaced by one that asks each stage its range once).
    initialComments: internals(d).initialInstructions.getComments().map((c) => c.getRange()),
    stageComments: internals(d).buildStages.map((stage) => stage.getComments().map((c) => c.getRange())),
  };
}

/** The Dockerfiles under `dir` (none when it is absent), by name: `Dockerfile*`, `*.dockerfile`. */
export function dockerfilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...dockerfilesUnder(full));
    else if (/(^|\.)dockerfile$|^Dockerfile/i.test(entry.name)) out.push(full);
  }
  return out;
}
