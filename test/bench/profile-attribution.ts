import * as fs from 'node:fs';
import { SourceMap } from 'node:module';
import { sampleSpacingMs, type CpuProfile, type ProfileNode, type Window } from './cpu-profile';

// Which part of the server a keystroke's CPU went to, per keystroke: summed self times say where a
// whole run went, not why the slowest 2% of keystrokes are slow (a GC pause, a full re-analysis, the
// workspace index, JSON-RPC). Each sample is put in one category from its whole stack (frames mapped
// back to their TypeScript file through the bundle's source map), then counted per keystroke window.

export interface KeystrokeParts {
  /** CPU ms per category inside each window. */
  readonly byWindow: Map<string, number>[];
}

/**
 * Categories in priority order: a sample goes to the first one any frame of its stack belongs to (the
 * workspace index parses the Dockerfile first at a keystroke, the analysis then finds it parsed: that
 * parse counts as the parse).
 */
const CATEGORIES: readonly { readonly name: string; readonly test: (file: string, fn: string) => boolean }[] = [
  { name: 'dockerfile parse', test: (f) => /parsers\/dockerfile(-ast-memo|-instruction-document|-instructions)?\.ts$/.test(f) || f.includes('dockerfile-ast/') },
  { name: 'workspace index', test: (f) => f.includes('engine/workspace/') || f.endsWith('workspace-index-service.ts') },
  { name: 'RUN-script read', test: (f) => /parsers\/dockerfile-(script|shell)/.test(f) },
  { name: 'rule', test: (f) => f.includes('engine/templates/') },
  { name: 'findings (masking, fingerprints, suppressions, superseding)', test: (f) => /engine\/(secret-mask|fingerprint|apply-suppressions|suppressions|peer-suppressions|superseded)\.ts$/.test(f) },
  { name: 'analysis (other engine)', test: (f) => f.includes('server/src/engine/') },
  { name: 'diagnostics', test: (f) => /lsp\/diagnostic/.test(f) },
  { name: 'document store', test: (f) => f.endsWith('editable-document.ts') || f.endsWith('flat-text.ts') },
  { name: 'JSON-RPC', test: (f) => f.includes('vscode-jsonrpc') || f.includes('vscode-languageserver') },
];

/** Per window, CPU ms by category (sample count times the sample spacing); rule samples are named by template file (`rule: run-command`). */
export function attributeProfile(profile: CpuProfile, windows: readonly Window[], bundleMap?: string): KeystrokeParts {
  const intervalMs = sampleSpacingMs(profile);
  const parent = new Map<number, ProfileNode>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const map = bundleMap && fs.existsSync(bundleMap) ? new SourceMap(JSON.parse(fs.readFileSync(bundleMap, 'utf8')) as never) : undefined;
  const fileOf = new Map<number, string>();
  const source = (n: ProfileNode): string => {
    let f = fileOf.get(n.id);
    if (f === undefined) {
      const entry = map && n.callFrame.url.endsWith('.js') ? (map.findEntry(n.callFrame.lineNumber, n.callFrame.columnNumber ?? 0) as { originalSource?: string }) : undefined;
      f = entry?.originalSource ?? n.callFrame.url;
      fileOf.set(n.id, f);
    }
    return f;
  };
  const categoryOf = new Map<number, string>();
  const categorise = (leaf: ProfileNode): string => {
    const known = categoryOf.get(leaf.id);
    if (known) return known;
    let best = CATEGORIES.length;
    let name = 'other (event loop, I/O)';
    if (leaf.callFrame.functionName === '(garbage collector)') name = 'GC';
    else {
      for (let n: ProfileNode | undefined = leaf; n; n = parent.get(n.id)) {
        const f = source(n);
        const k = CATEGORIES.findIndex((c) => c.test(f, n.callFrame.functionName));
        if (k >= 0 && k <= best) {
          best = k;
          name = CATEGORIES[k].name === 'rule' ? `rule: ${f.replace(/^.*templates\//, '').replace(/\.ts$/, '')}` : CATEGORIES[k].name;
        }
      }
    }
    categoryOf.set(leaf.id, name);
    return name;
  };
  const byWindow = windows.map(() => new Map<string, number>());
  const sorted = [...windows].map((win, i) => ({ ...win, i })).sort((a, b) => a.start - b.start);
  let t = profile.startTime;
  let w = 0;
  for (let k = 0; k < profile.samples.length; k++) {
    t += profile.timeDeltas[k];
    while (w < sorted.length && sorted[w].end < t) w++;
    if (w >= sorted.length) break;
    if (t < sorted[w].start) continue;
    const node = byId.get(profile.samples[k]);
    if (!node || node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(program)') continue;
    const parts = byWindow[sorted[w].i];
    const c = categorise(node);
    // Counted, not timed: see ProfileSummary.sampledMs.
    parts.set(c, (parts.get(c) ?? 0) + intervalMs);
  }
  return { byWindow };
}

/** Mean ms per category over the given windows, largest first. */
export function meanParts(parts: readonly Map<string, number>[]): { name: string; ms: number }[] {
  const sum = new Map<string, number>();
  for (const p of parts) for (const [k, v] of p) sum.set(k, (sum.get(k) ?? 0) + v);
  return [...sum].map(([name, ms]) => ({ name, ms: ms / Math.max(1, parts.length) })).sort((a, b) => b.ms - a.ms);
}
