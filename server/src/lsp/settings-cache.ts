import { DEFAULT_SETTINGS, parseSettings, type BulwarkSettings } from '../protocol/settings';

/** Asks the client for the `bulwark` section of one resource; undefined when the client cannot. */
export type SettingsFetcher = (scopeUri: string) => Promise<unknown> | undefined;

/**
 * Settings per resource URI, fetched once and kept until the client says the configuration changed.
 * Clients without `workspace/configuration` get the settings from initializationOptions or from the
 * last didChangeConfiguration payload.
 */
export class SettingsCache {
  private readonly byUri = new Map<string, Promise<BulwarkSettings>>();
  private fallback: BulwarkSettings;
  private generationCount = 0;

  constructor(
    private readonly fetch: SettingsFetcher,
    initial: unknown,
    private readonly log: (message: string) => void,
  ) {
    this.fallback = initial === undefined ? DEFAULT_SETTINGS : parseSettings(initial);
  }

  /** Bumped on every change, so results computed under older settings can be recognised. */
  get generation(): number {
    return this.generationCount;
  }

  get(uri: string): Promise<BulwarkSettings> {
    let settings = this.byUri.get(uri);
    if (!settings) {
      settings = this.load(uri);
      this.byUri.set(uri, settings);
    }
    return settings;
  }

  /** didChangeConfiguration: forget everything; `pushed` is the payload's `bulwark` section, if any. */
  clear(pushed?: unknown): void {
    if (pushed !== undefined) this.fallback = parseSettings(pushed);
    this.byUri.clear();
    this.generationCount++;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  private async load(uri: string): Promise<BulwarkSettings> {
    try {
      const pending = this.fetch(uri);
      if (!pending) return this.fallback;
      const raw = await pending;
      // A client that knows no `bulwark` section answers null: that means defaults, not an error.
      return raw === null || raw === undefined ? this.fallback : parseSettings(raw);
    } catch (err) {
      this.log(`Could not read settings for ${uri}: ${err instanceof Error ? err.message : String(err)}`);
      this.byUri.delete(uri);
      return this.fallback;
    }
  }
}
