import * as path from 'node:path';
import { developmentPart, HELD_OUT_BATCHES, heldOutPart, scoreCorpus, scoreTable, SECRETS_CORPUS } from '../support/secrets-corpus';

// The accuracy section of `npm run bench`: precision, recall and F1 of the secret rules on the labeled
// corpus in test/corpus/secrets, per kind and per language (the folder), with each miss and false alarm.
// The development batches and each held-out batch get their own table: the development figures were
// tuned for, the held-out ones are the honest estimate (see the corpus README, "How it was built").
// Runs in-process in under a second and needs nothing outside the repository.

export function printSecretsAccuracy(print: (line: string) => void): void {
  const started = process.hrtime.bigint();
  const score = scoreCorpus();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const corpus = path.relative(process.cwd(), SECRETS_CORPUS);
  const parts = [
    { title: 'development batches (tuned on: optimistic)', part: developmentPart(score) },
    ...HELD_OUT_BATCHES.map((b) => ({ title: `held-out ${b.name} (${b.folder}/ folders, scored before any change)`, part: heldOutPart(score, b.name) })),
  ];
  print(`Secrets accuracy on the labeled corpus (${corpus}, ${score.labels.length} labeled secrets; goals: precision ≥ 0.97, recall ≥ 0.95)`);
  for (const { title, part } of parts) {
    print(`  ${title}, ${part.labels.length} labeled secrets:`);
    for (const line of scoreTable(part)) print(`    ${line}`);
  }
  print(`  (scored in ${ms.toFixed(0)} ms)\n`);
}
