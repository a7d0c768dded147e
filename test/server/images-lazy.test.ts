import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { startImageRegistry, type ImageRegistry } from '../support/image-registry';
import { skopeoRawDigest } from '../support/oci-images';
import { codeActionParams, textEditsOf, type CodeAction } from './support/actions';
import { byRule, fileUri, tempDir } from './support/fixtures';
import { applyTextEdits, LspTestClient, type Diagnostic, type Position } from './support/lsp-test-client';

// A lightbulb never waits on a registry when the client resolves code actions (VS Code does): the image
// actions the cache cannot answer yet are offered at once with `data`, and their edit (the pin, the pinned
// replacement) is made on codeAction/resolve. A hover waits at most a moment, then says "looking up…".
// Over stdio with the real server; the registries are a loopback socket that accepts and never answers,
// and the real docker-registry.

interface Hover {
  contents: { kind: string; value: string };
}

/** The lookup gives up after EDITOR_LOOKUP_TIMEOUT_MS (3 s): a response well before that did not wait for it. */
const NO_WAIT_BOUND_MS = 1000;

/** A "registry" on loopback that accepts connections and never says a word. */
async function silentRegistry(): Promise<{ host: string; connections: () => number; stop: () => Promise<void> }> {
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    connections: () => sockets.length,
    stop: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work;
  return { value, ms: Date.now() - started };
}

describe('language server: image actions resolved lazily, hover without waiting (silent registry, real docker-registry)', function () {
  this.timeout(120_000);
  let images: ImageRegistry;
  let silent: Awaited<ReturnType<typeof silentRegistry>>;
  let dir: string;
  let client: LspTestClient;

  before(async function () {
    images = await startImageRegistry(this);
    silent = await silentRegistry();
    dir = tempDir('images-lazy');
    const list = path.join(dir, 'approved-images.yaml');
    fs.writeFileSync(list, [`registries: [${images.registry.host}, ${silent.host}]`, 'replacements:', '  - from: docker.io/library/node', `    to: ${images.node}`, ''].join('\n'));
    client = await LspTestClient.start({ mode: 'pull', resolveCodeActions: true, disabledCodeActions: true, initializationOptions: { approvedImages: { file: list } }, env: { DOCKER_CONFIG: dir } });
  });
  after(async () => {
    await client?.stop();
    await silent?.stop();
    await images?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const actionsAt = (uri: string, position: Position, diagnostics: Diagnostic[] = []) =>
    timed(client.request<CodeAction[]>('textDocument/codeAction', codeActionParams(uri, diagnostics[0]?.range ?? { start: position, end: position }, diagnostics)));
  const resolve = (action: CodeAction) => client.request<CodeAction>('codeAction/resolve', action);
  const warnings = () => client.notifications.filter((n) => n.method === 'window/showMessage').map((n) => (n.params as { type: number; message: string }).message);

  it('a registry that never answers does not hold the lightbulb: "Pin to digest" comes at once, and picking it says why nothing was pinned', async () => {
    const uri = fileUri(path.join(dir, 'silent', 'Dockerfile'));
    const ref = `${silent.host}/base/app:1`;
    client.open(uri, 'dockerfile', `FROM ${ref}\n`);
    await client.pull(uri);
    const { value: actions, ms } = await actionsAt(uri, { line: 0, character: 8 });
    assert.ok(ms < NO_WAIT_BOUND_MS, `the code actions took ${ms} ms`);
    const pins = actions.filter((a) => a.title.startsWith('Pin '));
    assert.deepEqual(pins.map((a) => [a.title, a.edit, a.disabled]), [[`Pin ${ref} to a digest`, undefined, undefined]]);
    assert.deepEqual(pins[0].data, { bulwarkImage: { uri, ref, span: { start: 5, end: 5 + ref.length } } });
    await client.until(() => silent.connections() > 0, 5000, 'the lookup to start when the action is offered');

    const resolved = await resolve(pins[0]);
    assert.equal(resolved.edit, undefined, 'no digest, no edit');
    await client.until(() => warnings().length > 0, 5000, 'a warning');
    assert.deepEqual(warnings(), [`${ref} was not pinned to a digest: ${silent.host} did not answer within 3 s`]);
  });

  it('hover on an image of the silent registry answers without its digest ("looking up…")', async () => {
    const uri = fileUri(path.join(dir, 'silent-hover', 'Dockerfile'));
    const ref = `${silent.host}/base/other:2`;
    client.open(uri, 'dockerfile', `FROM ${ref}\n`);
    await client.pull(uri);
    const { value: hover, ms } = await timed(client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 8 } }));
    assert.ok(ms < NO_WAIT_BOUND_MS, `the hover took ${ms} ms`);
    assert.ok(hover?.contents.value.includes('Registry digest for `2`: looking up…'), hover?.contents.value);
  });

  it('against the real registry: the resolved "Pin to digest" and "Replace with the approved image" carry the pinned edits; once cached, the lightbulb has them at once', async () => {
    const uri = fileUri(path.join(dir, 'real', 'Dockerfile'));
    const text = `FROM ${images.tool}\nFROM node:22\n`;
    client.open(uri, 'dockerfile', text);
    const diagnostics = await client.pull(uri);
    const toolDigest = skopeoRawDigest(images.tool);
    const nodeDigest = skopeoRawDigest(images.node);

    const [pin] = (await actionsAt(uri, { line: 0, character: 8 })).value.filter((a) => a.title.startsWith('Pin '));
    assert.deepEqual([pin.title, pin.edit], [`Pin ${images.tool} to a digest`, undefined]);
    const pinned = await resolve(pin);
    assert.equal(applyTextEdits(text, textEditsOf(pinned).edits), `FROM ${images.tool}@${toolDigest}\nFROM node:22\n`);

    const [unapproved] = byRule(diagnostics, 'docker-image-not-approved');
    assert.equal(unapproved?.range.start.line, 1);
    const replace = (await actionsAt(uri, unapproved.range.start, [unapproved])).value.find((a) => a.title.startsWith('Replace with the approved image'));
    assert.ok(replace?.data, JSON.stringify(replace));
    assert.equal(replace.edit, undefined);
    const replaced = await resolve(replace);
    assert.equal(applyTextEdits(text, textEditsOf(replaced).edits), `FROM ${images.tool}\nFROM ${images.node}@${nodeDigest}\n`);

    // The answers are cached now: the same requests carry the edits and the digests in their titles.
    const [cachedPin] = (await actionsAt(uri, { line: 0, character: 8 })).value.filter((a) => a.title.startsWith('Pin '));
    assert.equal(cachedPin.title, `Pin to digest ${toolDigest.slice(0, 19)}… (what the registry serves for ${images.tool} now)`);
    assert.equal(applyTextEdits(text, textEditsOf(cachedPin).edits).split('\n')[0], `FROM ${images.tool}@${toolDigest}`);
    const cachedReplace = (await actionsAt(uri, unapproved.range.start, [unapproved])).value.find((a) => a.title.startsWith('Replace with the approved image'));
    assert.equal(cachedReplace?.title, `Replace with the approved image ${images.node}@${nodeDigest}`);
    assert.equal(cachedReplace?.data, undefined);
  });
});
