import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { parseDockerfileAst } from '../../../server/src/engine/parsers/dockerfile-ast-memo';
import { describeDockerfile, dockerfilesUnder } from '../../support/describe-dockerfile';
import { REALWORLD } from '../../support/shared-folder';

// The memoised parser must be indistinguishable from dockerfile-ast's own: every instruction, argument,
// flag, range and derived value the rules read, over every Dockerfile in the rule fixtures and the
// reference corpus (when ../shared is present), read twice so a cached array that a caller mutated
// (ModifiableInstruction.getArguments shift()s flags off it) would show.

const REPO = path.resolve(__dirname, '../../..');
const CORPUS = path.join(REALWORLD, 'dockerfiles');

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
