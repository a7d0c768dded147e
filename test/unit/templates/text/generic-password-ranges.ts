import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { secretAssignment } from '../../../../server/src/engine/templates/text/secret-assignment';
import { runTemplate } from './run-template';

// Shared by the tests of the generic detector's learned forms: they run the core rule's own parameters, so a
// keyword dropped from its rule.yaml fails them, and compare ranges (offsets), never the values themselves.

const CORE = (parse(fs.readFileSync(path.join(__dirname, '../../../../rules/core/secrets/secret-generic-password/rule.yaml'), 'utf8')) as { match: { params: unknown } }).match.params;

/** The ranges the core secret-generic-password rule reports in `text`, read as `fileName`. */
export function ranges(fileName: string, text: string): [number, number][] {
  return runTemplate(secretAssignment, CORE, fileName, text).reports.map((r) => [r.span.start, r.span.end]);
}

/** The range of each value's (first) occurrence in the text, in order. */
export function at(text: string, ...values: string[]): [number, number][] {
  return values.map((v) => {
    const start = text.indexOf(v);
    assert.ok(start >= 0, 'value not in the text');
    return [start, start + v.length];
  });
}
