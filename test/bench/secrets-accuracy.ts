import * as path from 'node:path';
import { scoreCorpus, scoreTable, SECRETS_CORPUS } from '../support/secrets-corpus';

// The accuracy section of `npm run bench`: precision, recall and F1 of the secret rules on the labeled
// corpus in test/corpus/secrets, per kind and per language (the folder), with each miss and false alarm.
// Runs in-process in under a second and needs nothing outside the repository.

export function printSecretsAccuracy(print: (line: string) => void): void {
  const started = process.hrtime.bigint();
  const score = scoreCorpus();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  print(`Secrets accuracy on the labeled corpus (${path.relative(process.cwd(), SECRETS_CORPUS)}, ${score.labels.length} labeled secrets; goals: precision ≥ 0.97, recall ≥ 0.95)`);
  for (const line of scoreTable(score)) print(`  ${line}`);
  print(`  (scored in ${ms.toFixed(0)} ms)\n`);
}
