import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileKind } from './edit-points';
import { generatedFiles } from './generate';
import { jvmSources } from './generate-jvm';
import { REALWORLD } from '../support/shared-folder';

/**
 * The read-only reference corpora next to the repository (../shared); absent on some machines.
 * BULWARK_SHARED names it for a checkout elsewhere (a git worktree one folder deeper).
 */
export { REALWORLD };

/** Bulwark's push debounce: issue 7's goal is that push adds only this to the pull figures. */
const PUSH_DEBOUNCE_MS = 20;

export interface Goal {
  readonly percentile: 'p50' | 'p99';
  readonly ms: number;
}

export interface BenchFile {
  readonly id: string;
  readonly label: string;
  readonly path: string;
  readonly languageId: string;
  readonly kind: FileKind;
  /** Pull goals; push goals are these plus the debounce. */
  readonly goals: readonly Goal[];
  /** `issue 7`, or `assumed` where the issue states none (then the 1.9 MB manifest's goals are used). */
  readonly goalSource: 'issue 7' | 'assumed';
  /** At most this many edit points per run (keeps the whole bench near its time): fewer than --edits for files added late. */
  readonly maxEdits?: number;
}

/** Edit points per run on the Java, Kotlin and C# files: three more large files at 120 would stretch the bench past ~22 minutes. */
const JVM_EDITS = 48;
/**
 * Python and Go files are read whole at each keystroke in the editor (150-200 ms of CPU each on this machine):
 * fewer points, so the two keep the whole bench near its time.
 */
const WHOLE_FILE_EDITS = 20;
const JVM_LANGUAGES = { java: 'Java', kotlin: 'Kotlin', csharp: 'C#', python: 'Python', go: 'Go' } as const;

const SMALL: Goal[] = [{ percentile: 'p99', ms: 10 }];
const LARGE: Goal[] = [
  { percentile: 'p50', ms: 25 },
  { percentile: 'p99', ms: 50 },
];

export function pushGoals(goals: readonly Goal[]): Goal[] {
  return goals.map((g) => ({ percentile: g.percentile, ms: g.ms + PUSH_DEBOUNCE_MS }));
}

function lineCount(file: string): number {
  return fs.readFileSync(file, 'utf8').split('\n').length;
}

/** The longest file among `dir`'s entries whose name matches, found rather than hard-coded. */
function longest(dir: string, pick: (entry: string) => string | undefined): string | undefined {
  if (!fs.existsSync(dir)) return undefined;
  const candidates = fs.readdirSync(dir).map(pick).filter((f): f is string => f !== undefined && fs.existsSync(f));
  candidates.sort((a, b) => lineCount(b) - lineCount(a) || a.localeCompare(b));
  return candidates[0];
}

/** The files typed into: three from the corpus, seven generated (seeded or built from the secrets corpus, the same on every machine). */
export function benchFiles(): BenchFile[] {
  const rabbitDir = path.join(REALWORLD, 'dockerfiles/docker-library__rabbitmq');
  const rabbit = longest(rabbitDir, (e) => (/alpine$/.test(e) ? path.join(rabbitDir, e, 'Dockerfile') : undefined));
  const ingressDir = path.join(REALWORLD, 'k8s/kubernetes__ingress-nginx');
  const ingress = longest(ingressDir, (e) => (/deploy\.yaml$/.test(e) ? path.join(ingressDir, e) : undefined));
  const argo = path.join(REALWORLD, 'k8s/argoproj__argo-cd/manifests__install.yaml');
  const out: BenchFile[] = [];
  if (rabbit) out.push({ id: 'rabbitmq', label: `rabbitmq ${path.basename(path.dirname(rabbit))} Dockerfile`, path: rabbit, languageId: 'dockerfile', kind: 'dockerfile', goals: SMALL, goalSource: 'issue 7' });
  if (ingress) out.push({ id: 'ingress-nginx', label: 'ingress-nginx deploy.yaml', path: ingress, languageId: 'yaml', kind: 'yaml', goals: SMALL, goalSource: 'issue 7' });
  if (fs.existsSync(argo)) out.push({ id: 'argo-cd', label: 'argo-cd install.yaml', path: argo, languageId: 'yaml', kind: 'yaml', goals: LARGE, goalSource: 'issue 7' });
  const generated = generatedFiles();
  out.push({ id: 'source-1mb', label: 'generated 1 MB source with secrets', path: generated.source, languageId: 'typescript', kind: 'source', goals: LARGE, goalSource: 'assumed' });
  out.push({ id: 'dockerfile-5000', label: 'generated 5,000-line Dockerfile', path: generated.dockerfile, languageId: 'dockerfile', kind: 'dockerfile', goals: LARGE, goalSource: 'assumed' });
  for (const jvm of jvmSources()) {
    out.push({ id: `${jvm.language}-1mb`, label: `generated 1 MB ${JVM_LANGUAGES[jvm.language]} source with secrets`, path: jvm.path, languageId: jvm.language, kind: 'source', goals: LARGE, goalSource: 'assumed', maxEdits: jvm.language === 'python' || jvm.language === 'go' ? WHOLE_FILE_EDITS : JVM_EDITS });
  }
  return out;
}
