// Preloaded into secretlint 12 by the bench (node --import): what secretlint's own fix does (secretlint
// PR #1673, released in 13.x, which needs Node 22): its profiler records nothing unless --profile is given.
// Unpatched, 12.x registers a PerformanceObserver whose callback scans every earlier mark on each new
// one, so its cost grows with the square of the number of files scanned (secretlint issues #1633, #1653).
import perf_hooks from 'node:perf_hooks';

perf_hooks.PerformanceObserver.prototype.observe = function observeNothing() {};
perf_hooks.performance.mark = function markNothing() {
  return undefined;
};
