import * as assert from 'node:assert/strict';
import { detectLanguage } from '../../../server/src/engine';

// Which analyser a file gets decides which rules can ever fire on it: a Dockerfile detected as text
// silently loses every Dockerfile rule.

describe('detectLanguage', () => {
  const dockerfiles = ['Dockerfile', 'Containerfile', 'Dockerfile.dev', 'Dockerfile-alpine', 'Dockerfile_arm', 'dockerfile', 'build/app.dockerfile', 'evil\nname.dockerfile', 'x/Containerfile_4-2'];
  for (const uri of dockerfiles) {
    it(`${uri} is a Dockerfile`, () => assert.equal(detectLanguage({ uri: `file:///w/${uri}`, text: 'FROM alpine:3.20\n' }), 'dockerfile'));
  }

  const notDockerfiles = ['Dockerfiles.md', 'MyDockerfile.txt', 'docker-compose.yml', 'Dockerfile.dockerignore', 'Containerfile.prod.dockerignore'];
  for (const uri of notDockerfiles) {
    it(`${uri} is not a Dockerfile`, () => assert.notEqual(detectLanguage({ uri: `file:///w/${uri}`, text: 'FROM alpine:3.20\n' }), 'dockerfile'));
  }

  it('a Dockerfile by language id whatever its name', () => {
    assert.equal(detectLanguage({ uri: 'untitled:Untitled-1', languageId: 'dockerfile', text: 'FROM alpine\n' }), 'dockerfile');
  });

  it('YAML is Kubernetes only when a document has apiVersion and kind', () => {
    assert.equal(detectLanguage({ uri: 'file:///w/pod.yaml', text: 'apiVersion: v1\nkind: Pod\n' }), 'kubernetes');
    assert.equal(detectLanguage({ uri: 'file:///w/ci.yml', text: 'jobs:\n  build: {}\n' }), 'text');
    assert.equal(detectLanguage({ uri: 'file:///w/multi.yaml', text: 'a: 1\n---\napiVersion: apps/v1\nkind: Deployment\n' }), 'kubernetes');
  });

  it('a JSON object with apiVersion and kind is a Kubernetes manifest; other JSON is text', () => {
    const pod = '{\n  "kind": "Pod",\n  "apiVersion": "v1",\n  "spec": { "containers": [] }\n}\n';
    assert.equal(detectLanguage({ uri: 'file:///w/pod.json', text: pod }), 'kubernetes');
    assert.equal(detectLanguage({ uri: 'untitled:1', languageId: 'json', text: pod }), 'kubernetes');
    assert.equal(detectLanguage({ uri: 'file:///w/package.json', text: '{ "name": "x", "version": "1.0.0" }' }), 'text');
    assert.equal(detectLanguage({ uri: 'file:///w/list.json', text: '[{ "apiVersion": "v1", "kind": "Pod" }]' }), 'text');
  });
});
