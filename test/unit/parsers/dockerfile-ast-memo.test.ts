import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DockerfileParser, type Dockerfile, type ImageTemplate, type Instruction } from 'dockerfile-ast';
import { parseDockerfileAst } from '../../../server/src/engine/parsers/dockerfile-ast-memo';

// The memoised parser must be indistinguishable from dockerfile-ast's own: every instruction, argument,
// flag, range and derived value the rules read, over every Dockerfile in the rule fixtures and the
// reference corpus (when ../shared is present), read twice so a cached array that a caller mutated
// (ModifiableInstruction.getArguments shift()s flags off it) would show.

const REPO = path.resolve(__dirname, '../../..');
const CORPUS = path.join(REPO, '../shared/corpora/realworld/dockerfiles');

function dockerfilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...dockerfilesUnder(full));
    else if (/(^|\.)dockerfile$|^Dockerfile/i.test(entry.name)) out.push(full);
  }
  return out;
}

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

function describeNullable(i: Instruction | null): unknown {
  return i ? describeInstruction(i) : null;
}

function describeInstruction(i: Instruction): unknown {
  const any = i as unknown as Record<string, (() => unknown) | undefined>;
  const optional = (name: string) => (typeof any[name] === 'function' ? call((): unknown => JSON.parse(JSON.stringify(any[name]!.call(i)) ?? 'null')) : undefined);
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

function describeDockerfile(d: Dockerfile): unknown {
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

describe('parseDockerfileAst (getRawArguments memoised)', () => {
  // Every rule fixture, and every fourth corpus file in a fixed order (the whole corpus takes a minute).
  const corpus = dockerfilesUnder(CORPUS).sort().filter((_, i) => i % 4 === 0);
  const files = [...dockerfilesUnder(path.join(REPO, 'rules')), ...corpus];

  it('finds the Dockerfiles it compares', () => {
    assert.ok(files.length >= 50, `only ${files.length} Dockerfiles found`);
  });

  it('gives every instruction, argument, flag and range dockerfile-ast gives, on every file, read twice', function () {
    this.timeout(120_000);
    let instructions = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const theirs = describeDockerfile(DockerfileParser.parse(text));
      const ours = parseDockerfileAst(text);
      assert.deepEqual(describeDockerfile(ours), theirs, file);
      assert.deepEqual(describeDockerfile(ours), theirs, `${file}, second read`);
      instructions += ours.getInstructions().length;
    }
    assert.ok(instructions > 500, `only ${instructions} instructions compared`);
  });

  it('compares tricky syntax too: escapes, heredocs, flags, JSON forms, ONBUILD, unknown keywords', () => {
    const text = [
      '# escape=`',
      'FROM --platform=$BUILDPLATFORM golang:1.22@sha256:' + 'a'.repeat(64) + ' AS build',
      'RUN --mount=type=cache,target=/root/.cache `',
      '    --network=none go build ./... && `',
      '    echo "done"',
      'COPY --chown=1000:1000 --from=build ["/out", "/app"]',
      'RUN <<EOF',
      'set -e',
      'echo hi',
      'EOF',
      'ONBUILD RUN --mount=type=secret,id=x cat /run/secrets/x',
      'HEALTHCHECK --interval=5s CMD curl -f http://localhost/ || exit 1',
      'ENV A=1 B="two words" C',
      'FROBNICATE --flag value',
      'CMD ["sh", "-c", "echo $A"]',
    ].join('\r\n');
    const theirs = describeDockerfile(DockerfileParser.parse(text));
    const ours = parseDockerfileAst(text);
    assert.deepEqual(describeDockerfile(ours), theirs);
    assert.deepEqual(describeDockerfile(ours), theirs);
    assert.equal(ours.getInstructions().length, 9);
  });

  it('hands out fresh arrays and ranges: what a caller writes to one never reaches the next', () => {
    const [from, run] = parseDockerfileAst('FROM registry.example/team/app:1.0 AS build\nRUN --mount=type=cache,target=/x apt-get install -y curl\n').getInstructions();
    const first = run.getArguments();
    first.length = 0;
    assert.deepEqual(run.getArguments().map((a) => a.getValue()), ['apt-get', 'install', '-y', 'curl']);
    run.getArguments()[0].getRange().start.character = 99;
    assert.equal(run.getArguments()[0].getRange().start.character, 33);
    // From.getImageNameRange() moves the start of the range getImageRange() returned.
    assert.deepEqual((from as unknown as { getImageNameRange(): unknown }).getImageNameRange(), { start: { line: 0, character: 22 }, end: { line: 0, character: 30 } });
    assert.deepEqual((from as unknown as { getImageRange(): unknown }).getImageRange(), { start: { line: 0, character: 5 }, end: { line: 0, character: 34 } });
  });
});
