// Preloaded into the language server by keystroke-gc.ts (`--require`): appends each garbage collection on
// the main thread to the file named by BULWARK_GC_LOG as `kind forced start-epoch-ms duration-ms`, never to
// stdout (the LSP channel). Durations are wall time, so on a busy machine they include waits for a core.
// Each write to stdout (the server's answers over --stdio) is logged too, as `W epoch-ms`, so a collection
// can be placed before or after the answer of its keystroke on the server's own clock.
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
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (...args) => {
  const written = write(...args);
  lines.push(`W ${(performance.timeOrigin + performance.now()).toFixed(3)}`);
  return written;
};
setInterval(flush, 200).unref();
process.on('exit', flush);
