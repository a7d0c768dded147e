import { LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';

export type Log = (message: string) => void;

/**
 * Wraps a handler so that nothing it throws reaches the connection: the error is logged and the
 * fallback is answered. ResponseErrors are deliberate answers (cancellation) and pass through.
 */
export function guard<A extends unknown[], R>(log: Log, name: string, fallback: (...args: NoInfer<A>) => NoInfer<R>, handler: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (err) {
      if (err instanceof ResponseError) throw err;
      log(`${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return fallback(...args);
    }
  };
}

/**
 * For requests whose answer is a report (Scan workspace): a fallback would read as a clean result, so
 * an error is logged and answered as an error (RequestFailed), which the client shows as a failure.
 */
export function guardReport<A extends unknown[], R>(log: Log, name: string, handler: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (err) {
      if (err instanceof ResponseError) throw err;
      log(`${name} failed: ${describe(err)}`);
      throw new ResponseError(LSPErrorCodes.RequestFailed, `${name} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}

/** For notification handlers and timers: run, and log instead of rejecting. */
export function runGuarded(log: Log, name: string, task: () => unknown): void {
  try {
    const pending = task();
    if (pending instanceof Promise) pending.catch((err: unknown) => log(`${name} failed: ${describe(err)}`));
  } catch (err) {
    log(`${name} failed: ${describe(err)}`);
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}
