import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type RuleSet } from '../../../../server/src/engine';
import { reviveRuleSet, ruleSetData } from '../../../../server/src/engine/rule-set-data';
import { builtinTemplates } from '../../../../server/src/engine/templates';
import { builtinPackRoot, loadRuleSet } from '../../../../server/src/node/rule-packs';
import { parseText } from '../../../../server/src/engine/parsers/text';
import { KeywordAutomaton } from '../../../../server/src/engine/templates/text/keyword-automaton';
import { builtKeywordPass, sharedKeywordPass, type SharedKeywordPass } from '../../../../server/src/engine/templates/text/keyword-pass';
import { SECRETS_CORPUS } from '../../../support/secrets-corpus';

// The rule set's one shared keyword pass (keyword-pass.ts) must find exactly what each rule's own
// keyword scan finds: same findings, same ranges, on every file of the labeled secrets corpus and on
// texts where keywords overlap, repeat and change case.

const NOW = new Date('2026-06-01T00:00:00Z');

function corpusFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return corpusFiles(full);
    return e.name.endsWith('.md') || e.name.endsWith('.tsv') ? [] : [full];
  });
}

function findings(ruleSet: RuleSet, uri: string, text: string): string {
  return JSON.stringify(analyze({ uri, text }, ruleSet, { now: NOW }).findings);
}

describe('shared keyword pass', () => {
  const ruleSet = loadRuleSet([builtinPackRoot()]).ruleSet;
  const { keywordPass: _pass, ...perRule } = ruleSet;

  it('is built for the built-in rules, holding the keywords of every detector rule', () => {
    assert.ok(ruleSet.keywordPass);
    const withKeywords = ruleSet.rules.filter((r) => r.keywords);
    assert.ok(withKeywords.length >= 3, `${withKeywords.length} rules declare keywords`);
    for (const rule of withKeywords) for (const k of rule.keywords ?? []) assert.ok(ruleSet.keywordPass.slots.has(k.toLowerCase()), `${rule.meta.id}: ${k}`);
  });

  it('takes an automaton the build made only when it was made for exactly its keywords', () => {
    const rules = [{ keywords: ['Sk_live_', 'xoxb-'] }, { keywords: ['ghp_'] }];
    const fresh = builtKeywordPass(sharedKeywordPass(rules) as SharedKeywordPass);
    assert.deepEqual(fresh.keywords, ['sk_live_', 'xoxb-', 'ghp_']);
    // Another automaton's data under these keywords shows which one a pass took.
    const marked = { keywords: fresh.keywords, automaton: new KeywordAutomaton(['zz']).toData() };
    assert.deepEqual(sharedKeywordPass(rules, [marked])?.automaton.toData(), marked.automaton);
    assert.deepEqual(sharedKeywordPass(rules.slice(0, 1), [marked])?.automaton.toData(), new KeywordAutomaton(['sk_live_', 'xoxb-']).toData());
    assert.deepEqual(sharedKeywordPass([...rules, { keywords: ['AKIA'] }], [marked])?.automaton.toData(), new KeywordAutomaton([...fresh.keywords, 'akia']).toData());
  });

  // Scans every corpus file twice (~10 s idle): the limit is a hang guard, sized for a machine shared with other jobs.
  it('gives the same findings as per-rule keyword scans on every corpus file', () => {
    const files = corpusFiles(SECRETS_CORPUS);
    assert.ok(files.length > 50);
    let total = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const shared = findings(ruleSet, file, text);
      assert.equal(shared, findings(perRule, file, text), path.relative(SECRETS_CORPUS, file));
      total += (JSON.parse(shared) as unknown[]).length;
    }
    assert.ok(total > 100, `${total} findings`);
    }).timeout(120_000);

  it('gives the same findings where keywords overlap, repeat and change case, in YAML sections too', () => {
    const token = 'ghp_' + 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5';
    const texts = [
      `A=1\nGHP_GHP_x ${token}\nurl = "postgres://admin:Zq8vW2rLx9KpT4mN@db.internal:5432/app"\nsk_live_sk_live_ SK_LIVE_\n`,
      `apiVersion: v1\nkind: ConfigMap\ndata:\n  a: "${token}"\n---\napiVersion: v1\nkind: ConfigMap\ndata:\n  b: "postgres://u:Zq8vW2rLx9KpT4mN@h/db"\n`,
    ];
    for (const [i, text] of texts.entries()) {
      const uri = i === 0 ? 'app/settings.py' : 'deploy/config.yaml';
      const shared = findings(ruleSet, uri, text);
      assert.ok((JSON.parse(shared) as unknown[]).length >= 2, shared);
      assert.equal(shared, findings(perRule, uri, text));
    }
  });

  it('gives each keyword list the offsets of its own regex alternation, where keywords overlap, nest and repeat', () => {
    const lists = [
      ['pass', 'password', 'passwordauthentication', 'pwd'],
      ['key=', 'api_key', 'key', 'apikey', 'key =', 'ey'],
      ['aa'],
      ['-----begin'],
      ['token', 'oke', 'ken'],
      ['secret', 'secret_access_key', 'access_key', 'cre'],
    ];
    const pass = sharedKeywordPass([...lists.map((keywords) => ({ keywords })), { keywords: ['zeta\u00e9', 'del\u007f'] }]);
    assert.ok(pass);
    assert.ok(!pass.slots.has('zeta\u00e9') && !pass.slots.has('del\u007f'), 'characters the automaton cannot fold stay out of the pass');
    const texts = [
      'PASSWORDAUTHENTICATION=no password=x Pass pwdpassword passpass\napi_key= API_KEY =1 apikey key = key==\n',
      'aaaaa aAa a\n-----BEGIN -----begin------begin\ntokenizer broken TOKEN oken\n',
      'aws_secret_access_key=1 SECRET_ACCESS_KEY secretsecret access_keyaccess_key credential\r\nzeta\u00e9 ZETA\u00c9 del\u007f',
    ];
    for (const text of texts) {
      const shared = parseText(text, 'a.env', undefined, pass);
      const own = parseText(text, 'a.env');
      for (const keywords of [...lists, ['zeta\u00e9', 'pass'], ['del\u007f']]) {
        assert.deepEqual(shared.keywordOffsets(keywords), own.keywordOffsets(keywords), `${JSON.stringify(keywords)} in ${JSON.stringify(text)}`);
      }
    }
    assert.deepEqual(parseText('aaaaa', 'x', undefined, pass).keywordOffsets(['aa']), [0, 2]);
    assert.deepEqual(parseText('passwordpass', 'x', undefined, pass).keywordOffsets(['pass', 'password']), [0, 8]);
  });

  it('is rebuilt when a rule set is revived in a scan worker, and never sent', () => {
    const data = ruleSetData(ruleSet);
    assert.ok(data && !('keywordPass' in data));
    const revived = reviveRuleSet(structuredClone(data), builtinTemplates());
    assert.deepEqual([...(revived.keywordPass?.slots.keys() ?? [])], [...(ruleSet.keywordPass?.slots.keys() ?? [])]);
  });
});

describe('per-file facts shared by rules', () => {
  const ruleSet = loadRuleSet([builtinPackRoot()]).ruleSet;

  it('computes a fact once per text model, whatever the rule asking', () => {
    const model = parseText('x', 'a/b.txt');
    let calls = 0;
    const compute = (): boolean => (++calls, true);
    assert.equal(model.memoFact('path\u0000k', compute), true);
    assert.equal(model.memoFact('path\u0000k', compute), true);
    assert.equal(model.memoFact('name\u0000k', () => false), false);
    assert.equal(calls, 1);
  });

  it('still keeps every rule out of the paths its own filters exclude', () => {
    const text = 'token = "postgres://admin:Zq8vW2rLx9KpT4mN@db.internal:5432/app"\n';
    const at = (uri: string): number => analyze({ uri, text }, ruleSet, { now: NOW }).findings.filter((f) => f.ruleId.startsWith('secret-')).length;
    assert.ok(at('src/app.py') >= 1);
    assert.equal(at('vendor/lib/app.py'), 0);
    assert.equal(at('node_modules/x/app.py'), 0);
  });
});
