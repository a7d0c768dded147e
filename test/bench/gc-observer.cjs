// Preloaded into the language server by keystroke-gc.ts (`--require`): appends each garbage collection on
// the main thread to the file named by BULWARK_GC_LOG as `kind forced start-epoch-ms duration-ms`, never to
// stdout (the LSP channel). Durations are wall time, so on a busy machine they include waits for a core.
const fs = require('node:fs');
const { PerformanceObserver, performance, constants } = require('node:perf_hooks');

const file = process.env.BULWARK_GC_LOG;
const lines = [];
const flush = () => {
  if (lines.length > 0) fs.appendFileSync(file, lines.splice(0).join('\n') + '\n');
};
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const forced = (e.detail.flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) !== 0 ? 1 : 0;
    lines.push(`${e.detail.kind} ${forced} ${(performance.timeOrigin + e.startTime).toFixed(3)} ${e.duration.toFixed(3)}`);
  }
}).observe({ entryTypes: ['gc'] });
setInterval(flush, 200).unref();
process.on('exit', flush);
