import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { secretAssignment } from '../../../../server/src/engine/templates/text/secret-assignment';
import { runTemplate } from './run-template';

// Batch 16's command-line forms (command-settings.ts) through the core pack's parameters, and what a command-line
// finding names: the option as written, the table's name kept for the fix. Values are made up here.

const V = 'Qm4xT8vLk2Rz7WpN3cYb';
const CORE = (parse(fs.readFileSync(path.join(__dirname, '../../../../rules/core/secrets/secret-generic-password/rule.yaml'), 'utf8')) as { match: { params: Record<string, unknown> } }).match.params;

describe('text-secret-assignment: commands that set, pipe or substitute a secret', () => {
  const found: [string, string, string, string][] = [
    ['a fish universal variable named for a secret', 'config.fish', `set -Ux SERVICE_TOKEN ${V}\n`, 'SERVICE_TOKEN'],
    ['a secret store set by position', 'run.sh', `nextflow secrets set STORE_API_KEY '${V}'\n`, 'STORE_API_KEY'],
    ['a setting named by --name and given by --value', 'ci.yml', `    - run: az keyvault secret set --vault-name kv --name app-token --value ${V}\n`, 'app-token'],
    ['a literal piped into a command that creates a secret from its input', 'Dockerfile', `RUN printf '%s' '${V}' | docker secret create app_password -\n`, 'app_password'],
    ['a literal piped into a command that reads a password from its input', 'ci.sh', `echo '${V}' | docker login -u ci --password-stdin registry.example.test\n`, 'docker login -u ci --password-stdin'],
    ['a placeholder named for a secret replaced by sed', 'deploy.sh', `sed -i -e "s#{{ smtp_password }}#${V}#" mail.conf\n`, 'smtp_password'],
    ['a secret setting written by a sed replacement', 'deploy.sh', `sed -i 's/^rootpw .*/rootpw ${V}/' slapd.conf\n`, 'rootpw'],
  ];
  for (const [what, file, text, key] of found) {
    it(`finds ${what}`, () => {
      const run = runTemplate(secretAssignment, CORE, file, text);
      assert.deepEqual(run.spanned, [V]);
      assert.equal(run.reports[0].data?.key, key);
    });
  }
  const quiet: [string, string, string][] = [
    ['a setting that is no secret', 'config.fish', `set -gx PAGER ${V}\n`],
    ['a secret setting given by a reference', 'run.sh', `nextflow secrets set STORE_API_KEY "$STORE_API_KEY"\n`],
    ['a literal piped into a command that stores no secret', 'run.sh', `echo '${V}' | base64 -d | kubectl apply -f -\n`],
    ['commands joined by `||`, not a pipe', 'run.sh', `echo '${V}' || docker secret create app_password -\n`],
    ['a substitution whose replacement uses the match', 'deploy.sh', `sed -i 's/^rootpw \\(.*\\)/rootpw \\1${V}/' slapd.conf\n`],
    ['a substitution of a placeholder that names no secret', 'deploy.sh', `sed -i 's/__BUILD_ID__/${V}/' app.conf\n`],
  ];
  for (const [what, file, text] of quiet) {
    it(`stays quiet on ${what}`, () => {
      assert.deepEqual(runTemplate(secretAssignment, CORE, file, text).spanned, []);
    });
  }
});

describe('text-secret-assignment: what a command-line finding names', () => {
  it('shows a table option as written and keeps the table name for the fix', () => {
    const run = runTemplate(secretAssignment, CORE, 'pack.sh', `7z a -t7z -p'${V}' out.7z dir\n`);
    assert.deepEqual(run.spanned, [V]);
    assert.equal(run.reports[0].data?.key, '-p');
  });
  it('shows a named option with its dashes', () => {
    const run = runTemplate(secretAssignment, CORE, 'build.sh', `tool -batchmode -password '${V}' -quit\n`);
    assert.equal(run.reports[0].data?.key, '-password');
  });
});
