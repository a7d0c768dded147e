import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';
import { OUTSIDE_SECRET, PackBuilder, hostileCases, outsideFile, ruleYaml } from '../support/hostile-packs';
import type { LspTestClient } from './support/lsp-test-client';
import { PIN_RULE, byRule, startWithTestPack } from './support/fixtures';

// The language server given hostile extra packs keeps the built-in pack and every good pack; each
// bad pack is one error (file and line) in bulwark/status, and none of them can name its rule so
// that a prototype property is read in its place.

const URI = 'file:///hostile/Dockerfile';
const CORE_RULES = loadRuleSet([builtinPackRoot(path.resolve(__dirname, '../../server/src'))]).ruleSet.rules.length;

interface Status {
  packs: { id: string; ruleCount: number }[];
  errors: { pack: string; file: string; line?: number; message: string }[];
}

describe('language server with hostile extra packs', function () {
  this.timeout(60_000);
  const outside = outsideFile(`${OUTSIDE_SECRET}\n`);
  const cases = hostileCases();
  const packs = cases.map((c) => c.build(outside.file));
  const named = new PackBuilder('proto-names').rule('constructor', ruleYaml('constructor', 'medium'));
  let settings: unknown = {};
  let client: LspTestClient;

  before(async () => {
    client = await startWithTestPack({
      mode: 'pull',
      extraPackRoots: [...packs.map((p) => p.root), named.root],
      configuration: () => settings,
    });
    await client.until(() => client.notifications.some((n) => n.method === 'bulwark/status'), 10_000, 'bulwark/status');
  });
  after(async () => {
    await client.stop();
    for (const p of [...packs, named]) p.remove();
    fs.rmSync(outside.dir, { recursive: true, force: true });
  });

  const status = () => client.notifications.find((n) => n.method === 'bulwark/status')?.params as Status;

  it('keeps the built-in pack, the test pack and the good extra pack, whole', () => {
    const byId = new Map(status().packs.map((p) => [p.id, p.ruleCount]));
    assert.equal(byId.get('core'), CORE_RULES);
    assert.ok((byId.get('server-test') ?? 0) > 0);
    assert.equal(byId.get('proto-names'), 1);
    assert.ok(CORE_RULES > 20);
  });

  it('reports each hostile pack once, at its file and line, and reads nothing outside it', () => {
    const errors = status().errors;
    for (const [i, hostile] of cases.entries()) {
      const mine = errors.filter((e) => e.pack === packs[i].root);
      assert.equal(mine.length, 1, `${hostile.name}: ${JSON.stringify(mine)}`);
      const printed = `${mine[0].file}${mine[0].line !== undefined ? `:${mine[0].line}` : ''}: ${mine[0].message}`;
      assert.match(printed, hostile.error, hostile.name);
    }
    assert.equal(errors.length, cases.length, JSON.stringify(errors.filter((e) => !packs.some((p) => p.root === e.pack))));
    assert.ok(!JSON.stringify(errors).includes(OUTSIDE_SECRET));
  });

  it('a rule named constructor gets its own severity, and overrides keyed by prototype names do nothing else', async () => {
    client.open(URI, 'dockerfile', 'FROM node:latest\n');
    const before = await client.pull(URI);
    assert.deepEqual(byRule(before, 'constructor').map((d) => d.severity), [2], 'medium maps to Warning');
    assert.ok(byRule(before, PIN_RULE).length > 0);
    // JSON.parse makes `__proto__` an own key, as a settings file or a client's JSON would.
    settings = JSON.parse('{"severityOverrides": {"__proto__": "off", "toString": "off", "hasOwnProperty": "off", "valueOf": "off", "constructor": "low"}}');
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.until(() => client.refreshRequests > 0, 10_000, 'diagnostic refresh');
    const after = await client.pull(URI);
    assert.deepEqual(byRule(after, 'constructor').map((d) => d.severity), [3], 'low maps to Information');
    assert.deepEqual(byRule(after, PIN_RULE).map((d) => d.severity), byRule(before, PIN_RULE).map((d) => d.severity), 'other rules unchanged');
  });
});
