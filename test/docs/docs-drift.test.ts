import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { TEMPLATES_DOC, renderTemplatesDoc } from './templates-doc';

// Generated documentation must match what the code says today: a drift fails here, and the message
// names the command that regenerates the file.

describe('generated docs match the code', () => {
  it('docs/templates.md is generated from the templates (npm run docs:templates)', () => {
    const expected = renderTemplatesDoc();
    const committed = fs.readFileSync(TEMPLATES_DOC, 'utf8');
    assert.ok(committed === expected, 'docs/templates.md is out of date: run `npm run docs:templates` and commit the result');
    for (const id of ['dockerfile-run-command', 'k8s-security-context-field', 'text-secret-pattern']) assert.ok(committed.includes(`\n## ${id}\n`), id);
  });
});
