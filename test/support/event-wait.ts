// Waiting for what a stream of events makes true (a server's notifications): each event calls wake(),
// which re-checks every pending condition at once; a timer re-checks at least every `pollMs` anyway.

export class EventWait {
  private readonly waiters: (() => void)[] = [];

  constructor(private readonly pollMs: number) {}

  /** Resolves once `condition()` holds; rejects naming `what` after `timeoutMs`. */
  async until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, this.pollMs));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }
}
