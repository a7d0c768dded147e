import * as assert from 'node:assert/strict';
import { codeActionParams, textEditsOf, type CodeAction } from './support/actions';
import { builtinRulesOff, byRule, startWithTestPack } from './support/fixtures';
import { applyTextEdits, type Diagnostic, type LspTestClient } from './support/lsp-test-client';

// Quick fixes (looked up by finding id), "Suppress … with a reason" and "Fix all safe problems".

const ADD = 'test-add-local';
const ADD_SUGGESTED = 'test-add-local-suggested';
const DOCKERFILE = 'FROM alpine:3.19@sha256:' + 'a'.repeat(64) + '\nADD a.txt /a/\n  ADD b.txt /b/\nRUN apk add --no-cache curl \\\n    && ADD_ME=1 true\n';
const URI = 'file:///tmp/bulwark-server-test/actions/Dockerfile';

const FULL_LINE = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 0 } });

describe('language server code actions', () => {
  let client: LspTestClient;
  let text: string;
  let builtinOff: Record<string, 'off'>;
  before(() => {
    builtinOff = builtinRulesOff();
  });
  beforeEach(async () => {
    client = await startWithTestPack({ mode: 'pull', settings: { severityOverrides: builtinOff } });
    text = DOCKERFILE;
    client.open(URI, 'dockerfile', text);
  });
  afterEach(async () => {
    await client.stop();
  });

  const actionsFor = async (diagnostics: Diagnostic[], only?: string[]) =>
    client.request<CodeAction[]>('textDocument/codeAction', codeActionParams(URI, diagnostics[0]?.range ?? FULL_LINE(0), diagnostics, only));

  it('offers one quickfix per fix; only the single autofix is preferred; applying it removes the finding', async () => {
    const diagnostics = await client.pull(URI);
    const [add] = byRule(diagnostics, ADD);
    const [suggested] = byRule(diagnostics, ADD_SUGGESTED);
    const actions = await actionsFor([add, suggested]);
    const copy = actions.filter((a) => a.title === 'Use COPY instead of ADD');
    assert.equal(copy.length, 2, actions.map((a) => a.title).join(' | '));
    const preferred = copy.find((a) => a.diagnostics?.[0].code === ADD);
    const demoted = copy.find((a) => a.diagnostics?.[0].code === ADD_SUGGESTED);
    assert.equal(preferred?.isPreferred, true);
    assert.equal(preferred?.kind, 'quickfix');
    assert.equal(demoted?.isPreferred, undefined, 'a suggestion is never preferred');
    const { edits, version } = textEditsOf(preferred);
    assert.equal(version, client.version(URI));
    text = applyTextEdits(text, edits);
    assert.ok(text.includes('\nCOPY a.txt /a/\n'));
    client.change(URI, [{ text }]);
    const after = await client.pull(URI);
    assert.equal(byRule(after, ADD).length, 1, 'only the other ADD is left');
    assert.equal(byRule(after, ADD)[0].range.start.line, 2);
  });

  it('finds the fix by finding id even when the diagnostic came from an older version', async () => {
    const [add] = byRule(await client.pull(URI), ADD);
    // A line inserted above moves the finding; the client still holds the old diagnostic.
    client.change(URI, [{ range: FULL_LINE(0), text: '# syntax=docker/dockerfile:1\n' }]);
    const actions = await actionsFor([add]);
    const copy = actions.find((a) => a.title === 'Use COPY instead of ADD');
    assert.ok(copy);
    const { edits, version } = textEditsOf(copy);
    assert.equal(version, 2);
    assert.deepEqual(edits[0].range, { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } });
  });

  it('fix all applies every autofix of the file in one edit, as a source action and as a quickfix', async () => {
    const diagnostics = await client.pull(URI);
    const adds = byRule(diagnostics, ADD);
    assert.equal(adds.length, 2);
    const quick = (await actionsFor([adds[0]])).find((a) => a.title === 'Fix all safe problems in this file');
    assert.equal(quick?.kind, 'quickfix');
    // A client that does not resolve code actions: the server must not ask it to, and sends the edit.
    assert.equal((client.serverCapabilities.codeActionProvider as { resolveProvider?: boolean }).resolveProvider, false);
    const source = await actionsFor([], ['source.fixAll']);
    assert.deepEqual(source.map((a) => [a.title, a.kind]), [['Fix all safe problems in this file', 'source.fixAll.bulwark']]);
    const { edits } = textEditsOf(source[0]);
    assert.equal(edits.length, 1);
    text = applyTextEdits(text, edits);
    assert.ok(text.includes('\nCOPY a.txt /a/\n  COPY b.txt /b/\n'), text);
    assert.deepEqual(textEditsOf(quick).edits, edits, 'both actions make the same edit');
    client.change(URI, [{ text }]);
    const after = await client.pull(URI);
    assert.deepEqual(byRule(after, ADD), []);
    assert.deepEqual(byRule(after, ADD_SUGGESTED), [], 'the same ADDs are gone, so the suggestion-only findings too');
  });

  it('honours context.only', async () => {
    const [add] = byRule(await client.pull(URI), ADD);
    const quickOnly = await actionsFor([add], ['quickfix']);
    assert.ok(quickOnly.length > 0 && quickOnly.every((a) => a.kind === 'quickfix'));
    assert.deepEqual(await actionsFor([add], ['refactor']), []);
    const sourceOnly = await actionsFor([add], ['source']);
    assert.deepEqual(sourceOnly.map((a) => a.kind), ['source.fixAll.bulwark']);
    // Without `only`, source actions are not offered (editors ask for them explicitly).
    assert.ok((await actionsFor([add])).every((a) => a.kind === 'quickfix'));
  });

  it('offers no fix-all quickfix for a single autofixable finding, but still the source action', async () => {
    text = 'FROM alpine:3.19@sha256:' + 'a'.repeat(64) + '\nADD a.txt /a/\n';
    client.change(URI, [{ text }]);
    const [add] = byRule(await client.pull(URI), ADD);
    assert.equal((await actionsFor([add])).some((a) => a.title === 'Fix all safe problems in this file'), false);
    assert.equal((await actionsFor([], ['source.fixAll.bulwark'])).length, 1);
  });

  it('suppress inserts the directive above the whole instruction, indented like it, with a command to place the cursor', async () => {
    const [second] = byRule(await client.pull(URI), ADD).filter((d) => d.range.start.line === 2);
    const suppress = (await actionsFor([second])).find((a) => a.title === `Suppress ${ADD} with a reason`);
    assert.ok(suppress);
    const { edits } = textEditsOf(suppress);
    const until = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    assert.deepEqual(edits, [{ range: FULL_LINE(2), newText: `  # bulwark-ignore ${ADD} reason="" until=${until}\n` }]);
    assert.equal(suppress.command?.command, 'bulwark.selectSuppressionReason');
    const [uri, position] = suppress.command?.arguments ?? [];
    assert.equal(uri, URI);
    text = applyTextEdits(text, edits);
    const line = text.split('\n')[2];
    assert.deepEqual(position, { line: 2, character: line.indexOf('reason="') + 'reason="'.length });
  });

  it('a suppression typed with a reason hides a finding reported on a continuation line', async () => {
    const [setting] = byRule(await client.pull(URI), 'test-setting');
    assert.equal(setting?.range.start.line, 4, 'reported on the continuation line');
    const suppress = (await actionsFor([setting])).find((a) => a.title === 'Suppress test-setting with a reason');
    const { edits } = textEditsOf(suppress!);
    assert.equal(edits[0].range.start.line, 3, 'the directive goes above RUN, not inside the continuation');
    text = applyTextEdits(text, edits).replace('reason=""', 'reason="build-time flag only"');
    client.change(URI, [{ text }]);
    assert.deepEqual(byRule(await client.pull(URI), 'test-setting'), []);
  });
});

describe('language server code actions (LSP 3.18 client with snippets and lazy resolve)', () => {
  let client: LspTestClient;
  let builtinOff: Record<string, 'off'>;
  before(() => {
    builtinOff = builtinRulesOff();
  });
  beforeEach(async () => {
    client = await startWithTestPack({ mode: 'pull', snippetEdits: true, resolveCodeActions: true, settings: { severityOverrides: builtinOff } });
  });
  afterEach(async () => {
    await client.stop();
  });

  it('suppress uses a snippet edit with the cursor inside reason=""', async () => {
    const uri = 'file:///tmp/bulwark-server-test/actions/pod.yaml';
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n';
    client.open(uri, 'yaml', pod);
    const [privileged] = byRule(await client.pull(uri), 'test-privileged');
    assert.ok(privileged);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', codeActionParams(uri, privileged.range, [privileged]));
    const suppress = actions.find((a) => a.title === 'Suppress test-privileged with a reason');
    const edit = suppress?.edit?.documentChanges?.[0].edits[0] as { range: unknown; snippet: { kind: string; value: string } };
    const until = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    assert.deepEqual(edit, { range: FULL_LINE(privileged.range.start.line), snippet: { kind: 'snippet', value: `        # bulwark-ignore test-privileged reason="$1" until=${until}\n` } });
    assert.equal(suppress?.command, undefined);
  });

  it('fix all is resolved lazily through codeAction/resolve, which the server advertises', async () => {
    // VS Code only sends codeAction/resolve to a server that says it resolves.
    assert.equal((client.serverCapabilities.codeActionProvider as { resolveProvider?: boolean }).resolveProvider, true);
    client.open(URI, 'dockerfile', DOCKERFILE);
    await client.pull(URI);
    const [fixAll] = await client.request<CodeAction[]>('textDocument/codeAction', codeActionParams(URI, FULL_LINE(0), [], ['source.fixAll']));
    assert.equal(fixAll.edit, undefined);
    assert.ok(fixAll.data);
    const resolved = await client.request<CodeAction>('codeAction/resolve', fixAll);
    const fixed = applyTextEdits(DOCKERFILE, textEditsOf(resolved).edits);
    assert.ok(fixed.includes('\nCOPY a.txt /a/\n  COPY b.txt /b/\n'), fixed);
  });

  it('fix all resolved after an edit fixes the file as it is now', async () => {
    client.open(URI, 'dockerfile', DOCKERFILE);
    await client.pull(URI);
    const [fixAll] = await client.request<CodeAction[]>('textDocument/codeAction', codeActionParams(URI, FULL_LINE(0), [], ['source.fixAll']));
    const typed = DOCKERFILE + 'ADD c.txt /c/\n';
    const version = client.change(URI, [{ text: typed }]);
    const resolved = await client.request<CodeAction>('codeAction/resolve', fixAll);
    const edited = textEditsOf(resolved);
    assert.equal(edited.version, version);
    const fixed = applyTextEdits(typed, edited.edits);
    assert.ok(fixed.endsWith('COPY c.txt /c/\n') && !/^\s*ADD /m.test(fixed), fixed);
  });
});
