import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, builtinTemplates } from '../server/src/engine';
import { LineIndex } from '../server/src/engine/text';
import { parseAnnotations } from '../server/src/engine/testing/annotations';
import { discoverRuleFolders } from '../server/src/node/rule-fixtures';
import { builtinPackRoot, loadRuleSet } from '../server/src/node/rule-packs';

// Rules about rules: every rule is documented, tested both ways, and consistent with its template.

const KNOWN_PEERS = new Set(['hadolint', 'trivy', 'checkov', 'kube-linter', 'kics', 'polaris', 'kubesec', 'pss', 'gitleaks', 'secretlint', 'detect-secrets', 'semgrep']);
const README_HEADINGS = ['## Why it matters', '## How to fix'];

const packRoot = builtinPackRoot();
const { ruleSet } = loadRuleSet([packRoot]);
const rules = new Map(ruleSet.rules.map((r) => [r.meta.id, r.meta]));
const folders = discoverRuleFolders(packRoot);

describe('rule metadata (core pack)', () => {
  it('has rules for every language', () => {
    const languages = new Set(ruleSet.rules.map((r) => r.meta.language));
    assert.deepEqual([...languages].sort(), ['dockerfile', 'kubernetes', 'text']);
  });

  it('every template is used by at least one rule', () => {
    const used = new Set<string>();
    for (const f of folders) {
      const m = /^\s*template:\s*([\w-]+)/m.exec(fs.readFileSync(path.join(f.dir, 'rule.yaml'), 'utf8'));
      if (m) used.add(m[1]);
    }
    assert.deepEqual([...builtinTemplates().keys()].filter((t) => !used.has(t)), []);
  });

  it('supersedes and implies only rules (or tags) of the pack, never itself', () => {
    const ids = new Set(ruleSet.rules.map((r) => r.meta.id));
    const tags = new Set(ruleSet.rules.flatMap((r) => r.meta.tags));
    for (const rule of ruleSet.rules) {
      for (const general of [...rule.meta.supersedes, ...(rule.meta.implies ?? [])]) {
        const known = general.startsWith('tag:') ? tags.has(general.slice(4)) : ids.has(general);
        assert.ok(known && general !== rule.meta.id, `${rule.meta.id} supersedes unknown or self rule ${general}`);
      }
    }
  });

  for (const folder of folders) {
    describe(folder.ruleId, () => {
      const meta = rules.get(folder.ruleId);

      it('loads', () => assert.ok(meta, `${folder.ruleId} did not load; see the pack errors in rules.test.ts`));

      it('is documented', () => {
        const readme = path.join(folder.dir, 'README.md');
        assert.ok(fs.existsSync(readme), 'README.md is missing');
        const text = fs.readFileSync(readme, 'utf8');
        assert.match(text, new RegExp(`^# ${folder.ruleId}\\b`), 'README.md must start with "# <rule-id>"');
        let at = 0;
        for (const heading of README_HEADINGS) {
          const found = text.indexOf(`\n${heading}\n`, at);
          assert.ok(found >= 0, `README.md needs "${heading}" (in this order: ${README_HEADINGS.join(', ')})`);
          at = found;
        }
      });

      it('has a well-formed message and remediation', () => {
        if (!meta) return assert.fail('not loaded');
        assert.ok(meta.message.length <= 160, 'message is longer than 160 characters');
        assert.doesNotMatch(meta.message, /\n|\s$/, 'message must be one line without trailing whitespace');
        assert.match(meta.remediation, /\.$/, 'remediation must end with a period');
        for (const peer of Object.keys(meta.peers)) assert.ok(KNOWN_PEERS.has(peer), `unknown peer tool "${peer}"`);
      });

      // Issue 8: a secret finding says what to do next. Removing the value is not enough, because the
      // credential may already be in git history (and in every clone): it must be rotated.
      if (meta?.tags.includes('secret')) {
        it('tells the reader to rotate the credential, since it may already be in history', () => {
          for (const [field, text] of [['message', meta.message], ['remediation', meta.remediation]] as const) {
            assert.match(text, /\b(rotate|revoke|regenerate|deactivate)\b/i, `${field} does not say to rotate or revoke the credential`);
            assert.match(text, /\bhistory\b/i, `${field} does not say the value may already be in history`);
          }
        });
      }

      it('has fixtures that show it firing and staying quiet', () => {
        assert.ok(folder.fixtures.length > 0, 'tests/ has no fixtures');
        const annotations = folder.fixtures.flatMap((f) => parseAnnotations(f.text).map((a) => ({ ...a, fixture: f.name })));
        const foreign = annotations.filter((a) => a.ruleIds.some((id) => id !== folder.ruleId));
        assert.deepEqual(foreign.map((a) => `${a.fixture}:${a.line + 1}`), [], 'fixtures may only annotate their own rule');
        assert.ok(annotations.some((a) => a.kind === 'expect'), 'no fixture has "expect:"');
        const quiet = folder.fixtures.some((f) => !parseAnnotations(f.text).some((a) => a.kind === 'expect')) || annotations.some((a) => a.kind === 'expect-not');
        assert.ok(quiet, 'needs a clean fixture or an "expect-not:" case');
      });

      it('has goldens exactly when it has a fix', () => {
        assert.deepEqual(folder.orphanGoldens, [], 'golden files without a fixture');
        const goldens = folder.fixtures.filter((f) => f.golden !== undefined).length;
        // A fix that only creates or extends another file (Template.fixesOtherFiles) has nothing to compare here.
        const template = ruleSet.rules.find((r) => r.meta.id === folder.ruleId)?.match?.template;
        const otherFiles = template !== undefined && builtinTemplates().get(template)?.fixesOtherFiles === true;
        if (meta?.fix && !otherFiles) assert.ok(goldens > 0, 'the rule declares fix: but no fixture has a .fixed golden');
        else assert.equal(goldens, 0, 'goldens exist but the rule declares no fix');
      });
    });
  }
});

// What may be an autofix (docs/architecture.md, "Fix policy"): only an edit that cannot change what the
// workload or the image does. A rule about privilege, isolation or the user the process runs as offers
// suggestions; and no autofix of any rule may touch such a field or a setting that stays in the image.
const BEHAVIOUR_TAGS = ['privilege', 'pod-security', 'least-privilege', 'isolation', 'hardening', 'policy'];
const BEHAVIOUR_KEYS =
  /\b(securityContext|privileged|allowPrivilegeEscalation|capabilities|runAsUser|runAsGroup|runAsNonRoot|readOnlyRootFilesystem|seccompProfile|appArmorProfile|seLinuxOptions|procMount|windowsOptions|hostProcess|hostNetwork|hostPID|hostIPC|hostUsers|image)\s*:/;
const PERSISTENT_INSTRUCTIONS = /^\s*(ONBUILD\s+)?(ENV|USER|FROM|ENTRYPOINT|CMD)\b/i;

describe('fix policy: what may be an autofix (core pack)', () => {
  it('no rule about privilege, isolation or policy declares an autofix', () => {
    const offenders = ruleSet.rules.filter((r) => r.meta.fix?.kind === 'autofix' && r.meta.tags.some((t) => BEHAVIOUR_TAGS.includes(t)));
    assert.deepEqual(offenders.map((r) => r.meta.id), []);
  });

  // Applies every fixture's autofixes (~10 s idle): the limit is a hang guard, sized for a machine shared with other jobs.
  it('no autofix in any fixture edits a behaviour field, a persisted Dockerfile instruction or an image', () => {
    const all = loadRuleSet([packRoot]).ruleSet;
    const offences: string[] = [];
    let autofixes = 0;
    for (const folder of folders) {
      for (const fixture of folder.fixtures) {
        const result = analyze({ uri: fixture.name, text: fixture.text }, all, { now: new Date('2026-06-01T00:00:00Z') });
        const lines = new LineIndex(fixture.text);
        for (const finding of result.findings) {
          for (const fix of finding.fixes.filter((f) => f.kind === 'autofix')) {
            autofixes++;
            for (const edit of fix.edits) {
              const first = lines.lineOf(edit.span.start);
              const last = lines.lineOf(Math.max(edit.span.start, edit.span.end - 1));
              const touched = Array.from({ length: last - first + 1 }, (_, i) => lines.lineText(first + i));
              const before = touched.join('\n');
              const bad = result.language === 'dockerfile' ? PERSISTENT_INSTRUCTIONS.test(before) : BEHAVIOUR_KEYS.test(before) || BEHAVIOUR_KEYS.test(edit.newText);
              if (bad) offences.push(`${folder.ruleId}/${fixture.name}:${first + 1} ${finding.ruleId} "${fix.title}"`);
            }
          }
        }
      }
    }
    assert.ok(autofixes > 0, 'the core pack still has autofixes, so this test checks something');
    assert.deepEqual(offences, []);
  }).timeout(120_000);
});
