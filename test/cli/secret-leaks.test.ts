import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../server/src/engine';
import { findLeak, REPO, secretFixtures } from '../support/secret-fixtures';
import { codeActionParams, type CodeAction } from '../server/support/actions';
import { LspTestClient, type Diagnostic } from '../server/support/lsp-test-client';
import { ensureCliBuilt, parseJson, runCli } from './cli-harness';

// The masking promise end to end (issue 11): every fixture of every core rule tagged `secret` (dozens
// of credentials in a dozen syntaxes) goes through every way Bulwark shows text — the CLI's text, JSON
// and SARIF reports (and --fix-dry-run), `bulwark test`, the language server's pushed and pulled
// diagnostics, hovers, code action titles and its log (window/logMessage and stderr) — and no secret,
// nor a 12-character piece of one past its public prefix, may appear in any of them.
// test/unit/secrets-leak.test.ts checks the engine's own result the same way.

const { ruleSet, secretRuleIds, fixtures } = secretFixtures();
const withSecrets = fixtures.filter((f) => f.secrets.length > 0);
const allSecrets = [...new Set(withSecrets.flatMap((f) => f.secrets))];

interface JsonReport {
  findings: { path: string; ruleId: string; message: string }[];
}

function withoutRuleDocs(sarif: unknown): unknown {
  // SARIF carries each rule's README as help: the pack's documentation, with its own made-up examples.
  const log = sarif as { runs: { tool: unknown }[] };
  return { ...log, runs: log.runs.map((r) => ({ ...r, tool: undefined })) };
}

function languageIdOf(file: string): string {
  if (/(^|\/)Dockerfile|\.dockerfile$/i.test(file)) return 'dockerfile';
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  return 'plaintext';
}

/** Hover markdown escapes punctuation (`ghp\_…`); the text a reader sees is what must not leak. */
const unescapeMarkdown = (text: string) => text.replace(/\\([\\`*_[\]<>|])/g, '$1');

describe('secrets never leak through any output channel', function () {
  this.timeout(300_000);
  before(() => ensureCliBuilt());

  it('the fixtures hold secrets for the check to find (not vacuous)', () => {
    assert.ok(secretRuleIds.length >= 8, secretRuleIds.join(', '));
    assert.ok(allSecrets.length >= 40, `only ${allSecrets.length} distinct secrets in ${fixtures.length} files`);
  });

  for (const args of [['--format', 'text'], ['--format', 'json'], ['--format', 'sarif'], ['--format', 'sarif', '--fix-dry-run']]) {
    it(`CLI scan ${args.join(' ')}: every secret finding is reported, none echoes a secret`, () => {
      const run = runCli(['scan', ...fixtures.map((f) => f.file), '--fail-on', 'none', ...args], { cwd: REPO });
      assert.equal(run.status, 0, run.stderr);
      const output = (args[1] === 'sarif' ? JSON.stringify(withoutRuleDocs(parseJson(run.stdout))) : run.stdout) + run.stderr;
      assert.equal(findLeak(output, allSecrets), undefined);
      if (args[1] === 'json') {
        const reported = (parseJson(run.stdout) as JsonReport).findings.filter((f) => secretRuleIds.includes(f.ruleId));
        const expected = fixtures.reduce((n, f) => n + analyze({ uri: path.basename(f.file), text: f.text }, ruleSet, { now: new Date() }).findings.filter((x) => secretRuleIds.includes(x.ruleId)).length, 0);
        assert.equal(reported.length, expected, 'the CLI reports what the engine finds');
      }
    });
  }

  it('bulwark test: the core pack run prints no secret', () => {
    const passing = runCli(['test', path.join(REPO, 'rules', 'core')], { cwd: REPO });
    assert.match(passing.stdout, /✔ secret-github-token/);
    assert.equal(findLeak(passing.stdout + passing.stderr, allSecrets), undefined);
  });

  // Pending on purpose: `bulwark test` prints failure excerpts raw today (issue 11, item 5, being fixed
  // in the h-packs branch). Enable when that lands; it must then pass unchanged.
  it('bulwark test: failing secret fixtures print no secret in their excerpts', () => {
    // The same pack with every secret expectation turned around: each secret line is now both an
    // unexpected finding and a missing one, the failure excerpts `bulwark test` prints.
    const pack = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-leak-pack-'));
    try {
      fs.cpSync(path.join(REPO, 'rules', 'core'), pack, { recursive: true });
      for (const f of withSecrets) {
        const file = path.join(pack, path.relative(path.join(REPO, 'rules', 'core'), path.join(REPO, f.file)));
        fs.writeFileSync(file, f.text.replace(/# expect: /g, '# expect-not: '));
      }
      const failing = runCli(['test', pack], { cwd: REPO });
      assert.equal(failing.status, 1, failing.stdout);
      assert.match(failing.stdout, /✘ secret-/);
      assert.equal(findLeak(failing.stdout + failing.stderr, allSecrets), undefined);
    } finally {
      fs.rmSync(pack, { recursive: true, force: true });
    }
  });

  for (const mode of ['pull', 'push'] as const) {
    it(`language server (${mode} diagnostics): diagnostics, hovers, code action titles and the log`, async () => {
      const client = await LspTestClient.start({ mode, resolveCodeActions: mode === 'pull' });
      try {
        const seen: string[] = [];
        let secretDiagnostics = 0;
        for (const fixture of withSecrets) {
          const uri = pathToFileURL(path.join(REPO, fixture.file)).href;
          client.open(uri, languageIdOf(fixture.file), fixture.text);
          const diagnostics = await client.diagnostics(uri, 60_000);
          seen.push(JSON.stringify(diagnostics));
          secretDiagnostics += diagnostics.filter((d) => secretRuleIds.includes(String(d.code))).length;
          for (const d of diagnostics) seen.push(...(await channelsAt(client, uri, d)));
          client.close(uri);
        }
        assert.ok(secretDiagnostics >= allSecrets.length, `${secretDiagnostics} secret diagnostics for ${allSecrets.length} secrets`);
        await client.request('shutdown', null);
        seen.push(...client.logs, client.stderr, ...client.notifications.map((n) => JSON.stringify(n)));
        assert.equal(findLeak(seen.join('\n'), allSecrets), undefined);
      } finally {
        await client.stop();
      }
    });
  }

  it('a rule whose range is a variable name, not a value, keeps the name readable', () => {
    // Tagging such a rule `secret` would make the masks hide the name (`ARG NPM_…(9 chars)`).
    assert.ok(!secretRuleIds.includes('docker-secret-build-arg'));
    const run = runCli(['scan', 'rules/core/dockerfile/docker-secret-build-arg/tests/build-args.dockerfile', '--format', 'json', '--fail-on', 'none'], { cwd: REPO });
    const messages = (parseJson(run.stdout) as JsonReport).findings.filter((f) => f.ruleId === 'docker-secret-build-arg').map((f) => f.message);
    assert.ok(messages.some((m) => m.startsWith('ARG NPM_TOKEN carries a secret')), messages.join('\n'));
  });
});

/** The hover at the diagnostic and the titles of the code actions offered for it (resolved too). */
async function channelsAt(client: LspTestClient, uri: string, diagnostic: Diagnostic): Promise<string[]> {
  const out: string[] = [];
  const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: diagnostic.range.start });
  if (hover) out.push(unescapeMarkdown(hover.contents.value), hover.contents.value);
  const actions = await client.request<CodeAction[] | null>('textDocument/codeAction', codeActionParams(uri, diagnostic.range, [diagnostic]));
  for (const action of actions ?? []) {
    out.push(action.title);
    if (action.data !== undefined) out.push((await client.request<CodeAction>('codeAction/resolve', action)).title);
  }
  return out;
}


