import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { skipUnlessRequired } from '../support/real-client';
import { codeActionParams, type CodeAction } from './support/actions';
import { byRule, fileUri, tempDir } from './support/fixtures';
import { applyTextEdits, LspTestClient, type Diagnostic, type TextEdit } from './support/lsp-test-client';

// Issue 8, over stdio with the real server and a real git repository in a temp folder:
// - a `.env` file with secrets that git tracks gets "Add … to .gitignore" (the repository's .gitignore,
//   created when missing), and nothing when the file is untracked, outside a repository or git is absent;
// - a literal secret in a Kubernetes env var gets "Create Secret manifest …": a new file with the
//   derived name and keys and empty values, never the secret.

const SECRET = 'Wq4Zk7Rt2Lx9vB3nPd8s';
const DOTENV = `APP_NAME=billing\nDB_PASSWORD=${SECRET}\n`;
const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };

type Change = { kind?: string; uri?: string; textDocument?: { uri: string; version: number | null }; edits?: TextEdit[] };

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' });
}

function changesOf(action: CodeAction): Change[] {
  return (action.edit?.documentChanges ?? []) as Change[];
}

/** Applies an action's document changes to the disk, as an editor would (create, then edit). */
function applyToDisk(action: CodeAction): void {
  for (const change of changesOf(action)) {
    if (change.kind === 'create' && change.uri) {
      const file = new URL(change.uri);
      assert.ok(!fs.existsSync(file), 'CreateFile on an existing file');
      fs.writeFileSync(file, '');
    } else if (change.textDocument && change.edits) {
      const file = new URL(change.textDocument.uri);
      fs.writeFileSync(file, applyTextEdits(fs.readFileSync(file, 'utf8'), change.edits));
    }
  }
}


describe('language server: secret file actions (.gitignore, Secret manifest)', function () {
  this.timeout(30_000);
  let client: LspTestClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  const start = (options: { resourceOperations?: string[]; env?: Record<string, string> } = {}) =>
    LspTestClient.start({ mode: 'pull', resourceOperations: options.resourceOperations ?? ['create', 'rename', 'delete'], env: options.env });

  async function actionsAt(c: LspTestClient, uri: string, languageId: string, text: string, rule: string): Promise<{ diagnostics: Diagnostic[]; actions: CodeAction[] }> {
    c.open(uri, languageId, text);
    const diagnostics = byRule(await c.pull(uri), rule);
    assert.ok(diagnostics.length > 0, `no ${rule} finding`);
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', codeActionParams(uri, diagnostics[0].range, diagnostics));
    return { diagnostics, actions };
  }

  describe('tracked .env files', () => {
    let repo: string;
    before(function () {
      if (spawnSync('git', ['--version']).status !== 0) skipUnlessRequired(this, 'git is not installed');
    });
    beforeEach(() => {
      repo = fs.realpathSync(tempDir('gitignore'));
      git(repo, 'init', '-q');
      fs.mkdirSync(path.join(repo, 'app'));
      fs.writeFileSync(path.join(repo, 'app', '.env'), DOTENV);
      fs.writeFileSync(path.join(repo, 'app', '.env.local'), DOTENV);
      git(repo, 'add', 'app/.env');
      git(repo, 'commit', '-q', '-m', 'add env');
    });
    afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

    const gitignoreActions = (actions: CodeAction[]) => actions.filter((a) => a.title.includes('.gitignore'));

    it('creates the repository .gitignore with an entry git honours, then stops offering it', async () => {
      client = await start();
      const uri = fileUri(path.join(repo, 'app', '.env'));
      const { diagnostics, actions } = await actionsAt(client, uri, 'dotenv', DOTENV, 'secret-generic-password');
      const [action] = gitignoreActions(actions);
      assert.ok(action, actions.map((a) => a.title).join(' | '));
      assert.equal(action.title, 'Add app/.env to .gitignore (then git rm --cached it and rotate its secrets)');
      assert.equal(action.kind, 'quickfix');
      assert.deepEqual(action.diagnostics?.map((d) => d.code), diagnostics.map((d) => d.code));
      const changes = changesOf(action);
      const gitignoreUri = fileUri(path.join(repo, '.gitignore'));
      assert.deepEqual(changes.map((c) => c.kind ?? 'edit'), ['create', 'edit']);
      assert.equal(changes[0].uri, gitignoreUri);
      assert.deepEqual(changes[1].textDocument, { uri: gitignoreUri, version: null });
      assert.ok(!JSON.stringify(actions).includes(SECRET), 'no action carries the secret');
      applyToDisk(action);
      assert.equal(fs.readFileSync(path.join(repo, '.gitignore'), 'utf8'), '# Secrets: keep out of git (tracked files also need: git rm --cached app/.env)\n/app/.env\n');
      // git itself reads the entry as ignoring that file (and not its untracked sibling .env.local).
      assert.equal(spawnSync('git', ['check-ignore', '--no-index', '-q', 'app/.env'], { cwd: repo }).status, 0);
      assert.equal(spawnSync('git', ['check-ignore', '--no-index', '-q', 'app/.env.local'], { cwd: repo }).status, 1);
      // The same request once the line is there: nothing more to add (git rm --cached is the user's step).
      const again = await client.request<CodeAction[]>('textDocument/codeAction', codeActionParams(uri, diagnostics[0].range, diagnostics));
      assert.deepEqual(gitignoreActions(again), []);
    });

    it('appends to an existing .gitignore on disk, after its last line', async () => {
      fs.writeFileSync(path.join(repo, '.gitignore'), 'node_modules/\ndist');
      client = await start();
      const uri = fileUri(path.join(repo, 'app', '.env'));
      const [action] = gitignoreActions((await actionsAt(client, uri, 'dotenv', DOTENV, 'secret-generic-password')).actions);
      assert.ok(action);
      const changes = changesOf(action);
      assert.equal(changes.length, 1);
      assert.deepEqual(changes[0].edits?.map((e) => e.range), [{ start: { line: 1, character: 4 }, end: { line: 1, character: 4 } }]);
      applyToDisk(action);
      assert.equal(fs.readFileSync(path.join(repo, '.gitignore'), 'utf8'), 'node_modules/\ndist\n# Secrets: keep out of git (tracked files also need: git rm --cached app/.env)\n/app/.env\n');
    });

    it('edits the open .gitignore at its version; without file creation support, offers nothing for a missing one', async () => {
      client = await start({ resourceOperations: [] });
      const uri = fileUri(path.join(repo, 'app', '.env'));
      const missing = await actionsAt(client, uri, 'dotenv', DOTENV, 'secret-generic-password');
      assert.deepEqual(gitignoreActions(missing.actions), [], 'a client that cannot create files gets no half-applied edit');
      const gitignoreUri = fileUri(path.join(repo, '.gitignore'));
      client.open(gitignoreUri, 'ignore', '*.log\n');
      const open = await client.request<CodeAction[]>('textDocument/codeAction', codeActionParams(uri, missing.diagnostics[0].range, missing.diagnostics));
      const [action] = gitignoreActions(open);
      assert.ok(action, 'the open (unsaved) .gitignore is edited in place');
      const [change] = changesOf(action);
      assert.deepEqual(change.textDocument, { uri: gitignoreUri, version: 1 });
      assert.deepEqual(change.edits?.map((e) => e.range.start), [{ line: 1, character: 0 }]);
    });

    it('offers nothing for an untracked .env, outside a repository, or without git', async () => {
      client = await start();
      const untracked = await actionsAt(client, fileUri(path.join(repo, 'app', '.env.local')), 'dotenv', DOTENV, 'secret-generic-password');
      assert.deepEqual(gitignoreActions(untracked.actions), []);
      const outside = fs.realpathSync(tempDir('not-a-repo'));
      try {
        fs.writeFileSync(path.join(outside, '.env'), DOTENV);
        const none = await actionsAt(client, fileUri(path.join(outside, '.env')), 'dotenv', DOTENV, 'secret-generic-password');
        assert.deepEqual(gitignoreActions(none.actions), []);
        assert.ok(none.actions.length > 0, 'the other actions (suppress) are still there');
      } finally {
        fs.rmSync(outside, { recursive: true, force: true });
      }
      await client.stop();
      // No git on the PATH: the server answers as before, without the action and without an error.
      client = await start({ env: { PATH: path.join(repo, 'no-such-bin') } });
      const noGit = await actionsAt(client, fileUri(path.join(repo, 'app', '.env')), 'dotenv', DOTENV, 'secret-generic-password');
      assert.deepEqual(gitignoreActions(noGit.actions), []);
      assert.ok(noGit.actions.length > 0);
      assert.doesNotMatch(client.stderr, /Unexpected error|Unhandled rejection/);
    });

    it('is not offered on a tracked source file that is not a .env file', async () => {
      const settings = path.join(repo, 'app', 'settings.py');
      const text = `DB_PASSWORD = "${SECRET}"\n`;
      fs.writeFileSync(settings, text);
      git(repo, 'add', 'app/settings.py');
      git(repo, 'commit', '-q', '-m', 'settings');
      client = await start();
      const { actions } = await actionsAt(client, fileUri(settings), 'python', text, 'secret-generic-password');
      assert.deepEqual(gitignoreActions(actions), []);
    });
  });

  describe('Create Secret manifest', () => {
    const MANIFEST = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: billing',
      '  namespace: payments',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - name: api',
      '        image: example/api:2.3',
      '        env:',
      '        - name: DB_PASSWORD',
      `          value: "${SECRET}"`,
      '        - name: API_TOKEN',
      '          value: "Tf4bL8NvY3pHs6Dj1Ge5"',
      '',
    ].join('\n');
    let dir: string;
    beforeEach(() => {
      dir = fs.realpathSync(tempDir('secret-manifest'));
      fs.writeFileSync(path.join(dir, 'deployment.yaml'), MANIFEST);
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('creates <name>.secret.yaml beside the manifest with every key and empty values, once', async () => {
      client = await start();
      const uri = fileUri(path.join(dir, 'deployment.yaml'));
      const { diagnostics, actions } = await actionsAt(client, uri, 'yaml', MANIFEST, 'k8s-env-literal-secret');
      assert.equal(diagnostics.length, 2);
      assert.deepEqual(diagnostics.map((d) => d.range.start.line), [13, 15]);
      assert.ok(actions.some((a) => a.title === 'Read DB_PASSWORD from Secret billing-secrets (create it first)'), 'the secretKeyRef suggestion is still offered');
      const creates = actions.filter((a) => a.title.startsWith('Create Secret manifest'));
      assert.equal(creates.length, 1, 'one action for both findings of the same Secret');
      const [create] = creates;
      assert.equal(create.title, 'Create Secret manifest billing-secrets.secret.yaml (keys db_password, api_token; values left empty)');
      assert.equal(create.diagnostics?.length, 2);
      assert.ok(!JSON.stringify(actions).includes(SECRET) && !JSON.stringify(actions).includes('Tf4bL8NvY3pHs6Dj1Ge5'), 'no action carries a secret');
      const target = path.join(dir, 'billing-secrets.secret.yaml');
      assert.deepEqual(changesOf(create).map((c) => c.kind ?? 'edit'), ['create', 'edit']);
      assert.equal(changesOf(create)[0].uri, fileUri(target));
      applyToDisk(create);
      const scaffold = fs.readFileSync(target, 'utf8');
      assert.match(scaffold, /^apiVersion: v1\nkind: Secret\nmetadata:\n {2}name: billing-secrets\n {2}namespace: payments\ntype: Opaque\nstringData:\n {2}db_password: ""\n {2}api_token: ""\n$/m);
      // The scaffold itself is clean for every rule, and the action is not offered again.
      const scaffoldUri = fileUri(target);
      client.open(scaffoldUri, 'yaml', scaffold);
      assert.deepEqual((await client.pull(scaffoldUri)).map((d) => d.code), []);
      const again = await client.request<CodeAction[]>('textDocument/codeAction', codeActionParams(uri, diagnostics[0].range, diagnostics));
      assert.deepEqual(again.filter((a) => a.title.startsWith('Create Secret manifest')), []);
    });

    it('is not offered to a client that cannot create files, nor for an unsaved document', async () => {
      client = await start({ resourceOperations: [] });
      const uri = fileUri(path.join(dir, 'deployment.yaml'));
      const { actions } = await actionsAt(client, uri, 'yaml', MANIFEST, 'k8s-env-literal-secret');
      assert.deepEqual(actions.filter((a) => a.title.startsWith('Create Secret manifest')), []);
      await client.stop();
      client = await start();
      const untitled = await actionsAt(client, 'untitled:Untitled-1', 'yaml', MANIFEST, 'k8s-env-literal-secret');
      assert.deepEqual(untitled.actions.filter((a) => a.title.startsWith('Create Secret manifest')), []);
    });
  });
});
