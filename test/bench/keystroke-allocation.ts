import { Session } from 'node:inspector';
import type { FileKind } from './edit-points';
import { generatedFiles } from './generate';
import { inProcessTyping, openInProcess } from './in-process-typing';

// What allocates per keystroke: V8's sampling heap profiler over in-process typing, keeping the samples
// of objects that young and old collections freed (garbage is what makes scavenges frequent), summed by
// allocating function. Bytes are sampled (one sample per ~SAMPLING_BYTES), so they are estimates;
// allocation does not depend on the machine's load.
//   node --import tsx test/bench/keystroke-allocation.ts [file] [kind] [edits] [space|word|enter] [top] [--survivors]
// With --survivors, only objects that outlived a scavenge are kept (copied or promoted, whether a later
// mark-compact freed them or not): what makes each scavenge and the old generation's growth cost.

interface SamplingNode {
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly selfSize: number;
  readonly children: readonly SamplingNode[];
}

const SAMPLING_BYTES = 1024;

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result as T))));
}

const frameName = (n: SamplingNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(server|node_modules)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;

/** Bytes by allocating function (self), or by every function on the stack once (inclusive). */
function byFunction(root: SamplingNode, inclusive: boolean): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (n: SamplingNode, stack: readonly string[]): number => {
    const name = frameName(n);
    const below = n.children.reduce((sum, c) => sum + walk(c, inclusive && !stack.includes(name) ? [...stack, name] : stack), 0);
    const bytes = inclusive ? n.selfSize + below : n.selfSize;
    if (!inclusive || !stack.includes(name)) out.set(name, (out.get(name) ?? 0) + bytes);
    return n.selfSize + below;
  };
  walk(root, []);
  return out;
}

async function main(): Promise<void> {
  const survivors = process.argv.includes('--survivors');
  const [fileArg, kindArg, editsArg, typingArg, topArg] = process.argv.slice(2).filter((a) => a !== '--survivors');
  const doc = openInProcess(fileArg || generatedFiles().source, (kindArg || 'source') as FileKind, Number(editsArg ?? 120), inProcessTyping(typingArg));
  // Warm up as the bench does before sampling, so compilation is not counted.
  for (const change of doc.changes.slice(0, 10)) doc.keystroke(change);
  const session = new Session();
  session.connect();
  await post(session, 'HeapProfiler.enable');
  await post(session, 'HeapProfiler.startSampling', { samplingInterval: SAMPLING_BYTES, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: !survivors });
  const keystrokes = doc.changes.slice(10);
  for (const change of keystrokes) doc.keystroke(change);
  const { profile } = await post<{ profile: { head: SamplingNode } }>(session, 'HeapProfiler.stopSampling');
  session.disconnect();
  const self = [...byFunction(profile.head, false)].sort((a, b) => b[1] - a[1]);
  const total = self.reduce((a, [, b]) => a + b, 0);
  const print = (rows: [string, number][]) => {
    for (const [where, bytes] of rows.slice(0, Number(topArg ?? 25))) console.log(`  ${(bytes / keystrokes.length / 1024).toFixed(1).padStart(7)} KiB  ${((100 * bytes) / total).toFixed(1).padStart(5)}%  ${where}`);
  };
  console.log(`${keystrokes.length} keystrokes: ~${(total / keystrokes.length / 1024).toFixed(0)} KiB ${survivors ? 'outliving a scavenge' : 'allocated'} per keystroke (sampled), by allocating function:`);
  print(self);
  console.log(`inclusive, Bulwark's own functions (what they and their callees allocated):`);
  print([...byFunction(profile.head, true)].filter(([name]) => name.includes(' server/')).sort((a, b) => b[1] - a[1]));
}

void main();
