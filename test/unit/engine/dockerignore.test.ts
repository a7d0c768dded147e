import * as assert from 'node:assert/strict';
import { absentDockerignore, indexFile, WorkspaceIndex } from '../../../server/src/engine';
import { dockerignoreFact, excludedBy, globMatch } from '../../../server/src/engine/workspace/dockerignore';

// .dockerignore read as BuildKit reads it, and found for a Dockerfile as a build of its folder finds it.

describe('.dockerignore patterns', () => {
  const excluded = (text: string, path: string) => excludedBy(dockerignoreFact(text).patterns, path);

  it('matches * and ? within one folder, ** across folders, and classes', () => {
    assert.equal(globMatch('*.pem', 'server.pem'), true);
    assert.equal(globMatch('*.pem', 'certs/server.pem'), false);
    assert.equal(globMatch('**/*.pem', 'server.pem'), true);
    assert.equal(globMatch('**/*.pem', 'a/b/server.pem'), true);
    assert.equal(globMatch('.env?', '.env1'), true);
    assert.equal(globMatch('.env?', '.env/x'), false);
    assert.equal(globMatch('[a-c]*.key', 'b.key'), true);
    // Go negates a class with ^ only: in [!a-c] the ! is one more character of the set.
    assert.equal(globMatch('[!a-c]*.key', 'b.key'), true);
    assert.equal(globMatch('[!a-c]*.key', 'd.key'), false);
    assert.equal(globMatch('[^a-c]*.key', 'd.key'), true);
    assert.equal(globMatch('\\*.key', '*.key'), true);
    assert.equal(globMatch('\\*.key', 'a.key'), false);
  });

  it('reads comments, leading slashes, ./ and re-includes; the last matching line wins', () => {
    assert.deepEqual(dockerignoreFact('# c\n\n /.git/ \n./node_modules\n! .env.example\n').patterns, ['.git', 'node_modules', '!.env.example']);
    assert.equal(excluded('.env*\n!.env.example\n', '.env'), true);
    assert.equal(excluded('.env*\n!.env.example\n', '.env.example'), false);
    assert.equal(excluded('*\n!src\n', '.git'), true);
    assert.equal(excluded('*\n!*\n', '.git'), false);
    assert.equal(excluded('# .git\n', '.git'), false);
  });

  it('excludes what is inside an excluded folder', () => {
    assert.equal(excluded('.git\n', '.git/config'), true);
    assert.equal(excluded('secrets\n', 'secrets/server.key'), true);
  });

  it('stays linear on hostile patterns', () => {
    const started = Date.now();
    assert.equal(globMatch('**/'.repeat(200) + 'x', 'a/'.repeat(200) + 'y'), false);
    assert.equal(globMatch('*a'.repeat(300), 'a'.repeat(299) + 'b'), false);
    assert.ok(Date.now() - started < 5_000, 'no pattern takes seconds');
  });
});

describe('WorkspaceIndex.dockerignoreFor', () => {
  const dockerfile = { uri: '/w/api/Dockerfile', text: 'FROM alpine:3.20\nCOPY . .\n' };
  const facts = (uri: string, text: string) => indexFile({ uri, text });

  it('prefers <Dockerfile>.dockerignore over the folder .dockerignore', () => {
    const index = new WorkspaceIndex([indexFile(dockerfile), facts('/w/api/.dockerignore', '.git\n'), facts('/w/api/Dockerfile.dockerignore', '*\n')]);
    assert.deepEqual(index.dockerignoreFor('/w/api/Dockerfile'), { uri: '/w/api/Dockerfile.dockerignore', exists: true, patterns: ['*'] });
  });

  it('says absent only when someone looked, and unknown otherwise', () => {
    const looked = new WorkspaceIndex([indexFile(dockerfile), absentDockerignore('/w/api/.dockerignore'), absentDockerignore('/w/api/Dockerfile.dockerignore')]);
    assert.deepEqual(looked.dockerignoreFor('/w/api/Dockerfile'), { uri: '/w/api/.dockerignore', exists: false, patterns: [] });
    assert.equal(new WorkspaceIndex([indexFile(dockerfile)]).dockerignoreFor('/w/api/Dockerfile'), undefined);
  });

  it('reads the ignore file of the context a compose file builds the Dockerfile with', () => {
    const compose = indexFile({ uri: '/w/compose.yaml', text: 'services:\n  api:\n    build: {context: ., dockerfile: api/Dockerfile}\n' });
    assert.deepEqual(compose.buildContexts, [{ dockerfile: '/w/api/Dockerfile', dockerignore: '/w/.dockerignore' }]);
    const withRoot = new WorkspaceIndex([indexFile(dockerfile), compose, facts('/w/.dockerignore', '*\n'), absentDockerignore('/w/api/Dockerfile.dockerignore')]);
    assert.deepEqual(withRoot.dockerignoreFor('/w/api/Dockerfile'), { uri: '/w/.dockerignore', exists: true, patterns: ['*'] });
    // The context's file not looked for: unknown, even though the one beside the Dockerfile is known absent.
    const unknown = new WorkspaceIndex([indexFile(dockerfile), compose, absentDockerignore('/w/api/Dockerfile.dockerignore'), absentDockerignore('/w/api/.dockerignore')]);
    assert.equal(unknown.dockerignoreFor('/w/api/Dockerfile'), undefined);
  });

  it('finds a file URI and a path as one file', () => {
    const index = new WorkspaceIndex([facts('file:///w/api/.dockerignore', '.git\n')]);
    assert.equal(index.dockerignoreFor('/w/api/Dockerfile')?.exists, true);
  });
});
