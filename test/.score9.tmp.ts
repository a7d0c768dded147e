import * as fs from 'node:fs';
import * as path from 'node:path';
import { scoreCorpus, developmentPart, heldOutPart, scoreTable, SECRETS_CORPUS } from '/work/wt/secrets-forms9/test/support/secrets-corpus';
const s = scoreCorpus();
const line = (f: string, n: number) => fs.readFileSync(path.join(SECRETS_CORPUS, f), 'utf8').split('\n')[n - 1].trim().slice(0, 110);
const dev = developmentPart(s); console.log('DEV', dev.total, dev.missed.map(m=>m.file+':'+m.line), dev.falseAlarms.map(m=>m.file+':'+m.line));
const b5 = heldOutPart(s, 'batch 5'); console.log('B5', b5.total);
const k = s.labels.filter(l=>l.file.includes('/kestrel/'));
const kf = s.findings.filter(f=>f.file.includes('/kestrel/'));
const missed = s.missed.filter(l=>l.file.includes('/kestrel/'));
const fa = s.falseAlarms.filter(l=>l.file.includes('/kestrel/'));
console.log('B9 labels', k.length, 'found', k.length - missed.length, 'FA', fa.length);
for (const m of missed) console.log('MISS', m.kind, `${m.file}:${m.line}`, '|', line(m.file, m.line));
for (const m of fa) console.log('FA', m.kind, m.ruleId, `${m.file}:${m.line}`, '|', line(m.file, m.line));
if (process.argv.includes('--table')) { try { console.log(scoreTable(heldOutPart(s,'batch 9')).join('\n')); } catch {} }
