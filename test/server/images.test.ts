import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startImageRegistry, type ImageRegistry } from '../support/image-registry';
import { skopeoRawDigest } from '../support/oci-images';
import { codeActionParams, textEditsOf, type CodeAction } from './support/actions';
import { byRule, fileUri, tempDir } from './support/fixtures';
import { applyTextEdits, LspTestClient, type Diagnostic, type Position } from './support/lsp-test-client';

// Issue 6 in the editor, over stdio with the real server: the list from `bulwark.approvedImages.file`
// (initializationOptions), completion of approved images and tags, and, against the real docker-registry
// on loopback, the pinned "Replace with the approved image", "Pin to digest" and the image hover.

interface CompletionItem {
  label: string;
  textEdit?: { range: { start: Position; end: Position }; newText: string };
}
interface Hover {
  contents: { kind: string; value: string };
  range: { start: Position; end: Position };
}

function writeList(dir: string, lines: readonly string[]): string {
  const file = path.join(dir, 'approved-images.yaml');
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

describe('language server: approved-images completion from bulwark.approvedImages.file', function () {
  this.timeout(30_000);
  let dir: string;
  let client: LspTestClient;
  before(async () => {
    dir = tempDir('images-completion');
    const file = writeList(dir, [
      'registries: [registry.acme.example]',
      'images:',
      '  - name: docker.io/library/nginx',
      '    tags: ["1.27*", "1.26.2", "*-alpine"]',
      'replacements:',
      '  - from: docker.io/library/node',
      '    to: registry.acme.example/base/node:20-slim',
      'deprecated:',
      '  - name: docker.io/library/nginx',
      '    tags: ["1.26*"]',
      '    after: 2026-01-01',
    ]);
    client = await LspTestClient.start({ mode: 'pull', initializationOptions: { approvedImages: { file } }, env: { DOCKER_CONFIG: dir } });
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const complete = (uri: string, position: Position) => client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });

  it('after FROM (and its flags): the approved registry, image and replacement, replacing what was typed', async () => {
    const uri = 'file:///tmp/bulwark-images/completion/Dockerfile';
    client.open(uri, 'dockerfile', 'FROM --platform=linux/amd64 ng\nRUN echo ng\n');
    const items = await complete(uri, { line: 0, character: 30 });
    assert.deepEqual(items.map((i) => i.label), ['registry.acme.example/', 'nginx', 'registry.acme.example/base/node:20-slim']);
    assert.deepEqual(items[1].textEdit, { range: { start: { line: 0, character: 28 }, end: { line: 0, character: 30 } }, newText: 'nginx' });
    assert.deepEqual(await complete(uri, { line: 1, character: 11 }), [], 'not in a RUN line');
  });

  it("after `name:`: the repository's allowed tags (a glob's literal prefix), never a deprecated one", async () => {
    const uri = 'file:///tmp/bulwark-images/completion/pod.yaml';
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: web\n      image: "nginx:1.2\n';
    client.open(uri, 'yaml', text);
    const items = await complete(uri, { line: 6, character: 23 });
    assert.deepEqual(items.map((i) => i.label), ['nginx:1.27'], '1.26.2 is deprecated; `*-alpine` has no literal prefix');
    assert.deepEqual(items[0].textEdit?.range, { start: { line: 6, character: 14 }, end: { line: 6, character: 23 } });
  });
});

describe('language server: registry digests for code actions and hover (real docker-registry + skopeo)', function () {
  this.timeout(120_000);
  let images: ImageRegistry;
  let dir: string;

  before(async function () {
    images = await startImageRegistry(this);
    dir = tempDir('images-server');
  });
  after(async () => {
    await images?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function start(disabledCodeActions: boolean): Promise<LspTestClient> {
    const file = writeList(dir, [
      `registries: [${images.registry.host}]`,
      'replacements:',
      '  - from: docker.io/library/node',
      `    to: ${images.node}`,
      '  - from: docker.io/library/python',
      `    to: ${images.deadHost}/base/python:3`,
      'deprecated:',
      `  - name: ${images.registry.host}/base/multi`,
      '    after: 2020-01-01',
      `    replacement: ${images.node}`,
    ]);
    return LspTestClient.start({ mode: 'pull', disabledCodeActions, initializationOptions: { approvedImages: { file } }, env: { DOCKER_CONFIG: dir } });
  }

  const actionsAt = (client: LspTestClient, uri: string, line: number, diagnostics: Diagnostic[]) =>
    client.request<CodeAction[]>('textDocument/codeAction', codeActionParams(uri, diagnostics[0]?.range ?? { start: { line, character: 6 }, end: { line, character: 6 } }, diagnostics));

  it('"Replace with the approved image" from the lightbulb writes the replacement pinned to the digest the registry serves; the finding is gone', async () => {
    const client = await start(true);
    try {
      const uri = fileUri(path.join(dir, 'replace', 'Dockerfile'));
      let text = 'FROM node:22\nRUN echo hi\n';
      client.open(uri, 'dockerfile', text);
      const [unapproved] = byRule(await client.pull(uri), 'docker-image-not-approved');
      assert.ok(unapproved);
      const actions = await actionsAt(client, uri, 0, [unapproved]);
      const digest = skopeoRawDigest(images.node);
      const replace = actions.find((a) => a.title.startsWith('Replace with the approved image'));
      assert.equal(replace?.title, `Replace with the approved image ${images.node}@${digest}`);
      text = applyTextEdits(text, textEditsOf(replace).edits);
      assert.equal(text, `FROM ${images.node}@${digest}\nRUN echo hi\n`);
      client.change(uri, [{ text }]);
      const after = await client.pull(uri);
      assert.deepEqual(after.filter((d) => String(d.code).startsWith('docker-image-')).map((d) => d.code), []);
    } finally {
      await client.stop();
    }
  });

  it('"Pin to digest" for an image of a reachable registry; unreachable: disabled with the reason, and the replacement says why it is not pinned', async () => {
    const client = await start(true);
    try {
      const uri = fileUri(path.join(dir, 'pin', 'Dockerfile'));
      const dead = `${images.deadHost}/x/y:1`;
      let text = `FROM ${images.tool}\nFROM ${dead}\nFROM python:3.12\n`;
      client.open(uri, 'dockerfile', text);
      const diagnostics = await client.pull(uri);
      const pin = (await actionsAt(client, uri, 0, [])).filter((a) => a.title.startsWith('Pin '));
      const digest = skopeoRawDigest(images.tool);
      assert.deepEqual(pin.map((a) => a.title), [`Pin to digest ${digest.slice(0, 19)}… (what the registry serves for ${images.tool} now)`]);
      text = applyTextEdits(text, textEditsOf(pin[0]).edits);
      assert.equal(text.split('\n')[0], `FROM ${images.tool}@${digest}`);
      const unreachable = (await actionsAt(client, uri, 1, [])).filter((a) => a.title.startsWith('Pin '));
      assert.equal(unreachable.length, 1);
      assert.equal(unreachable[0].title, `Pin ${dead} to a digest`);
      assert.equal(unreachable[0].edit, undefined);
      assert.match(unreachable[0].disabled?.reason ?? '', /ECONNREFUSED|refused|unreachable/i);
      const [python] = byRule(diagnostics, 'docker-image-not-approved').filter((d) => d.range.start.line === 2);
      const replace = (await actionsAt(client, uri, 2, [python])).find((a) => a.title.startsWith('Replace with'));
      assert.match(replace?.title ?? '', new RegExp(`^Replace with the approved image ${images.deadHost.replace(/\./g, '\\.')}/base/python:3 \\(not pinned to a digest: .+\\)$`));
      assert.equal(textEditsOf(replace!).edits[0].newText, `${images.deadHost}/base/python:3`, 'the tag alone, never a guessed digest');
    } finally {
      await client.stop();
    }
  });

  it('a client without disabled code actions is not offered a pin it cannot apply', async () => {
    const client = await start(false);
    try {
      const uri = fileUri(path.join(dir, 'nodisabled', 'Dockerfile'));
      client.open(uri, 'dockerfile', `FROM ${images.deadHost}/x/y:1\n`);
      await client.pull(uri);
      assert.deepEqual((await actionsAt(client, uri, 0, [])).filter((a) => a.title.startsWith('Pin ')), []);
    } finally {
      await client.stop();
    }
  });

  it('hover on an image: approved, not approved with its replacement, deprecated with the date, and the digest the registry serves for the tag', async () => {
    const client = await start(true);
    try {
      const uri = fileUri(path.join(dir, 'hover', 'pod.yaml'));
      const text = [
        'apiVersion: v1',
        'kind: Pod',
        'metadata: { name: p }',
        'spec:',
        '  containers:',
        `    - { name: a, image: ${images.tool} }`,
        '    - { name: b, image: node:22 }',
        `    - { name: c, image: "${images.multi}" }`,
        '',
      ].join('\n');
      client.open(uri, 'yaml', text);
      // A hover waits only a moment for the registry ("looking up…"); the answer is cached for the next one.
      const hover = async (line: number): Promise<Hover | null> => {
        for (let attempt = 0; ; attempt++) {
          const found = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 26 } });
          if (!found?.contents.value.includes('looking up…') || attempt === 20) return found;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      const tool = await hover(5);
      assert.ok(tool);
      assert.ok(tool.contents.value.includes('Approved by the approved-images list.'), tool.contents.value);
      assert.ok(tool.contents.value.includes(`Registry digest for \`1.0\` now: \`${skopeoRawDigest(images.tool)}\``), tool.contents.value);
      assert.deepEqual(tool.range, { start: { line: 5, character: 24 }, end: { line: 5, character: 24 + images.tool.length } });
      const node = await hover(6);
      assert.ok(node?.contents.value.includes(`Not approved by the approved-images list. Use \`${images.node}\` instead.`), node?.contents.value);
      const multi = await hover(7);
      assert.ok(multi);
      assert.ok(multi.contents.value.includes(`Deprecated by the approved-images list since 2020-01-01. Use \`${images.node}\` instead.`), multi.contents.value);
      assert.ok(multi.contents.value.includes(`now: \`${skopeoRawDigest(images.multi)}\``), 'the index digest, not one platform');
    } finally {
      await client.stop();
    }
  });
});
