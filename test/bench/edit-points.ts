import { SeededRandom } from './random';
import { valueColumn } from './value-columns';

// Where the bench types: points spread over the whole file and over the kinds of place a user edits
// (in a manifest: containers, securityContext and env of workloads, CRDs, other objects, comments;
// the first and the last line), in a seeded order so that any prefix of the list is spread too.

export type FileKind = 'yaml' | 'dockerfile' | 'source';

/** A space typed at a line's end and deleted, or a short word typed inside a value and deleted. */
export type Typing = 'space' | 'word';

export interface EditPoint {
  /** 0-based line; the edit goes at `character` (its end for a space, the end of its value for a word). */
  readonly line: number;
  readonly character: number;
  readonly place: string;
}

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'Pod']);

function splitLines(text: string): string[] {
  return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** The kind of each line's `---` document in a YAML stream. */
function documentKinds(lines: readonly string[]): string[] {
  const kinds: string[] = [];
  let start = 0;
  let kind = '';
  const close = (end: number) => {
    for (let i = start; i < end; i++) kinds[i] = kind;
  };
  lines.forEach((line, i) => {
    if (/^---(\s|$)/.test(line)) {
      close(i);
      start = i;
      kind = '';
    }
    const m = /^kind:\s*["']?([A-Za-z]+)/.exec(line);
    if (m) kind = m[1];
  });
  close(lines.length);
  return kinds;
}

function yamlPlaces(lines: readonly string[]): string[] {
  const kinds = documentKinds(lines);
  const stack: { indent: number; key: string }[] = [];
  return lines.map((line, i) => {
    if (/^\s*#/.test(line)) return 'comment';
    if (/^---(\s|$)/.test(line)) {
      stack.length = 0;
      return 'separator';
    }
    const key = /^(\s*)(- +)?([A-Za-z0-9_.\-/"']+):(\s|$)/.exec(line);
    const indent = /^\s*/.exec(line)?.[0].length ?? 0;
    const own = key ? key[1].length + (key[2]?.length ?? 0) : indent;
    while (stack.length > 0 && stack[stack.length - 1].indent >= own) stack.pop();
    if (key) stack.push({ indent: own, key: key[3].replace(/["']/g, '') });
    const keys = stack.map((s) => s.key);
    const kind = kinds[i];
    if (kind === 'CustomResourceDefinition') return 'crd';
    if (!WORKLOADS.has(kind)) return 'other';
    if (keys.includes('securityContext')) return 'securityContext';
    if (keys.includes('env') || keys.includes('envFrom')) return 'env';
    if (keys.includes('containers') || keys.includes('initContainers')) return 'containers';
    return 'workload';
  });
}

function dockerfilePlaces(lines: readonly string[]): string[] {
  let instruction = '';
  let continued = false;
  return lines.map((line) => {
    if (/^\s*#/.test(line)) return 'comment';
    if (!continued) instruction = (/^\s*([A-Za-z]+)/.exec(line)?.[1] ?? '').toUpperCase();
    continued = /\\\s*$/.test(line);
    if (instruction === 'RUN') return 'RUN';
    if (instruction === 'ENV' || instruction === 'ARG') return 'ENV/ARG';
    if (instruction === 'FROM') return 'FROM';
    return 'instruction';
  });
}

function sourcePlaces(lines: readonly string[]): string[] {
  return lines.map((line) => {
    if (/^\s*(\/\/|#)/.test(line)) return 'comment';
    if (/AKIA|ghp_|hooks\.slack\.com|password|secret/i.test(line)) return 'secret';
    return 'code';
  });
}

/**
 * `count` edit points over `text`: the first and last non-blank lines, then the rest shared equally
 * between the kinds of place present, evenly spaced within each, in a seeded order. For word typing,
 * only lines that hold a value count (`valueColumn`), and the point is that value's end.
 */
export function editPoints(text: string, kind: FileKind, count: number, seed = 7, typing: Typing = 'space'): EditPoint[] {
  const lines = splitLines(text);
  const places = kind === 'yaml' ? yamlPlaces(lines) : kind === 'dockerfile' ? dockerfilePlaces(lines) : sourcePlaces(lines);
  const columns = lines.map((line) => (typing === 'word' ? valueColumn(line, kind) : line.length));
  const content = [...lines.keys()].filter((i) => lines[i].trim() !== '' && places[i] !== 'separator' && columns[i] !== undefined);
  if (content.length === 0) return [];
  const first = content[0];
  const last = content[content.length - 1];
  const byPlace = new Map<string, number[]>();
  for (const i of content) {
    if (i === first || i === last) continue;
    const group = byPlace.get(places[i]);
    if (group) group.push(i);
    else byPlace.set(places[i], [i]);
  }
  const chosen: { line: number; place: string }[] = [{ line: first, place: 'first line' }, { line: last, place: 'last line' }];
  const groups = [...byPlace.entries()].sort(([a], [b]) => a.localeCompare(b));
  // Equal shares; what a small place cannot take (a Dockerfile's four FROM lines) goes to the others.
  const takes = groups.map(() => 0);
  let rest = Math.max(0, count - chosen.length);
  while (rest > 0) {
    const open = groups.map((_, g) => g).filter((g) => takes[g] < groups[g][1].length);
    if (open.length === 0) break;
    open.forEach((g, k) => {
      const share = Math.floor(rest / open.length) + (k < rest % open.length ? 1 : 0);
      takes[g] = Math.min(groups[g][1].length, takes[g] + share);
    });
    rest = Math.max(0, count - chosen.length - takes.reduce((a, b) => a + b, 0));
  }
  groups.forEach(([place, group], g) => {
    for (let k = 0; k < takes[g]; k++) chosen.push({ line: group[Math.floor(((k + 0.5) * group.length) / takes[g])], place });
  });
  const ordered = [chosen[0], chosen[1], ...new SeededRandom(seed).shuffle(chosen.slice(2))].slice(0, count);
  return ordered.map((p) => ({ line: p.line, character: columns[p.line] ?? lines[p.line].length, place: p.place }));
}
