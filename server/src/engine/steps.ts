/**
 * Runs a stepped computation (a generator that pauses between pieces of work) to its end at once:
 * the CLI and the tests want the result; the language server drives the steps itself.
 */
export function runSteps<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
