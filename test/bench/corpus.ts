import * as fs from 'node:fs';
import * as path from 'node:path';

/** The read-only reference corpora next to the repository (../shared); absent on some machines. */
export const REALWORLD = path.resolve(__dirname, '../../../shared/corpora/realworld');

export interface BenchFile {
  readonly label: string;
  readonly path: string;
  readonly languageId: string;
  /** Goal printed next to the figures: which percentile, at most how many ms (pull mode). */
  readonly goal: { readonly percentile: 'p50' | 'p99'; readonly ms: number };
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

export function benchFiles(): BenchFile[] {
  const rabbit = longest(path.join(REALWORLD, 'dockerfiles/docker-library__rabbitmq'), (e) => (/alpine$/.test(e) ? path.join(REALWORLD, 'dockerfiles/docker-library__rabbitmq', e, 'Dockerfile') : undefined));
  const ingress = longest(path.join(REALWORLD, 'k8s/kubernetes__ingress-nginx'), (e) => (/deploy\.yaml$/.test(e) ? path.join(REALWORLD, 'k8s/kubernetes__ingress-nginx', e) : undefined));
  const argo = path.join(REALWORLD, 'k8s/argoproj__argo-cd/manifests__install.yaml');
  const out: BenchFile[] = [];
  if (rabbit) out.push({ label: `rabbitmq ${path.basename(path.dirname(rabbit))}/Dockerfile`, path: rabbit, languageId: 'dockerfile', goal: { percentile: 'p99', ms: 10 } });
  if (ingress) out.push({ label: `ingress-nginx ${path.basename(ingress).replace(/^deploy__static__provider__/, '')}`, path: ingress, languageId: 'yaml', goal: { percentile: 'p99', ms: 10 } });
  if (fs.existsSync(argo)) out.push({ label: 'argo-cd manifests/install.yaml', path: argo, languageId: 'yaml', goal: { percentile: 'p50', ms: 25 } });
  return out;
}

/**
 * Where the simulated typing happens: the end of a comment near the middle of the file, or else the
 * end of a `name:` value (YAML) / an ENV value (Dockerfile). Returns a 0-based line and character.
 */
export function editPoint(text: string): { line: number; character: number } {
  const lines = text.split(/\r?\n/);
  const middle = Math.floor(lines.length / 2);
  const order = [...lines.keys()].sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle));
  const comment = order.find((i) => /^\s*#\s*\S/.test(lines[i]) && !/^#\s*(syntax|escape)=/.test(lines[i]));
  const value = order.find((i) => /^\s*(name:\s*\S+|ENV\s+\S+)/.test(lines[i]));
  const line = comment ?? value ?? middle;
  return { line, character: lines[line].length };
}
