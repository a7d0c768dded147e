import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, onlyRules } from '../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';
import { REALWORLD } from '../support/shared-folder';

// Robustness on what real repositories contain: every Dockerfile rule runs over every Dockerfile of the
// realworld corpus (about 1,700 files: official images, samples, dev containers, templates with
// placeholders) without failing, and every finding stays inside the file. Which findings are right is
// reviewed by hand and pinned by each rule's fixtures; this only guards against crashes.

const DOCKERFILES = path.join(REALWORLD, 'dockerfiles');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('Dockerfile rules on the realworld corpus', function () {
  if (!fs.existsSync(DOCKERFILES)) {
    it('skipped: the realworld corpus is absent', function () {
      console.log(`    (skipped: ${DOCKERFILES} not found; the corpus lives in ../shared beside the repository)`);
      this.skip();
    });
    return;
  }

  it('no rule fails on any file, and every finding lies within its file', function () {
    this.timeout(120_000);
    const { ruleSet } = loadRuleSet([builtinPackRoot()]);
    const dockerfileRules = onlyRules(ruleSet, new Set(ruleSet.rules.filter((r) => r.meta.language === 'dockerfile').map((r) => r.meta.id)));
    const files = filesUnder(DOCKERFILES);
    assert.ok(files.length > 1000, `expected the ~1,700 corpus Dockerfiles, found ${files.length}`);
    const problems: string[] = [];
    let findings = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      // Some corpus names (Dockerfile_arm) are not recognised by name: say the language outright.
      const result = analyze({ uri: file, text, languageId: 'dockerfile' }, dockerfileRules, { now: new Date('2026-06-01T00:00:00Z') });
      const where = path.relative(DOCKERFILES, file);
      for (const n of result.notices) if (n.code === 'rule-failed') problems.push(`${where}: ${n.message}`);
      for (const f of result.findings) if (!(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length)) problems.push(`${where}: ${f.ruleId} span ${f.span.start}-${f.span.end} outside 0-${text.length}`);
      findings += result.findings.length;
    }
    assert.deepEqual(problems, []);
    assert.ok(findings > 0, 'the corpus has known findings (latest tags, curl | sh); none means the rules did not run');
  });
});
