import * as fs from 'node:fs';
import * as path from 'node:path';
import { PolicyError, importPolicy, loadCachedPolicy, pullPolicy, type ActivePolicy, type PolicyCache, type PolicySource } from '../node/policy';
import type { PolicyInitOptions, PolicyStatus } from '../protocol/custom-protocol';
import type { RuleSetService } from './rule-set-service';

// The organisation's policy bundle in the editor. Start-up applies the cached bundle with no network
// call (re-verified offline); then the registry is asked in the background, and again every
// `refreshMinutes` (with jitter, so a fleet of editors does not knock at once) and on "Refresh policy".
// A failure of any kind keeps the last good bundle in force and says why in the status.

export interface PolicySettings {
  readonly ref: string;
  readonly publicKey: string;
  readonly caFile?: string;
  readonly refreshMinutes: number;
  readonly maxAgeDays: number;
  readonly credentials?: { readonly username: string; readonly password: string };
  readonly proxy?: { readonly url: string; readonly noProxy?: readonly string[] };
}

export interface PolicyServiceDeps {
  readonly settings: PolicySettings | undefined;
  readonly rules: RuleSetService;
  readonly cache: PolicyCache;
  readonly engineVersion: string;
  readonly now: () => Date;
  readonly log: (message: string) => void;
  /** The rules in force changed: re-analyse open documents. */
  readonly onRulesChanged: () => void;
  /** The policy status changed: tell the client. */
  readonly onStatus: (status: PolicyStatus) => void;
  readonly env?: NodeJS.ProcessEnv;
  /** Mean delay of the first refresh after a cached start (tests shorten it). */
  readonly startupRefreshDelayMs?: number;
}

/** Mean delay of the first refresh when a cached bundle already applies (jitter: half to one and a half). */
const STARTUP_REFRESH_DELAY_MS = 3_000;
const DEFAULT_REFRESH_MINUTES = 60;
const DEFAULT_MAX_AGE_DAYS = 7;

/** Keeps what is well-formed from the client's `initializationOptions.policy`; undefined when no policy is set. */
export function parsePolicySettings(raw: unknown): PolicySettings | undefined {
  const input = (typeof raw === 'object' && raw !== null ? raw : {}) as PolicyInitOptions;
  if (typeof input.ref !== 'string' || input.ref.trim() === '') return undefined;
  const positive = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback);
  const credentials = input.credentials;
  const proxy = input.proxy;
  const noProxy = Array.isArray(proxy?.noProxy) ? proxy.noProxy.filter((h): h is string => typeof h === 'string') : [];
  return {
    ref: input.ref.trim(),
    publicKey: typeof input.publicKey === 'string' ? input.publicKey : '',
    ...(typeof input.caFile === 'string' && input.caFile !== '' ? { caFile: input.caFile } : {}),
    refreshMinutes: positive(input.refreshMinutes, DEFAULT_REFRESH_MINUTES),
    maxAgeDays: positive(input.maxAgeDays, DEFAULT_MAX_AGE_DAYS),
    ...(credentials && typeof credentials.username === 'string' && typeof credentials.password === 'string' ? { credentials: { username: credentials.username, password: credentials.password } } : {}),
    ...(proxy && typeof proxy.url === 'string' && proxy.url.trim() !== '' ? { proxy: { url: proxy.url.trim(), noProxy } } : {}),
  };
}

export class PolicyService {
  private active: ActivePolicy | undefined;
  private problem: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<PolicyStatus> | undefined;
  private disposed = false;

  constructor(private readonly deps: PolicyServiceDeps) {}

  /**
   * Applies the cached bundle (no network), then refreshes in the background and on a timer. With a
   * cached bundle in force the first refresh waits a few seconds: setting up TLS (loading the system's
   * CA bundle) costs more CPU than the cached start itself, and the first diagnostics come first.
   */
  start(): void {
    const settings = this.deps.settings;
    if (!settings) return;
    try {
      const cached = loadCachedPolicy(this.source(settings), this.context(settings));
      if (cached) this.activate(cached);
    } catch (err) {
      this.problem = describe(err);
    }
    if (this.active) this.schedule(settings, (this.deps.startupRefreshDelayMs ?? STARTUP_REFRESH_DELAY_MS) * (0.5 + Math.random()));
    else void this.refresh();
  }

  status(): PolicyStatus {
    const settings = this.deps.settings;
    if (!settings) return { state: 'none' };
    const record = this.active?.record;
    const base = record
      ? { ref: settings.ref, digest: record.digest, name: record.name, version: record.version, verifiedAt: record.verifiedAt, checkedAt: record.checkedAt }
      : { ref: settings.ref };
    if (this.problem !== undefined) return { state: 'error', ...base, message: this.problem };
    if (!record) return { state: 'loading', ...base };
    const ageDays = (this.deps.now().getTime() - Date.parse(record.checkedAt)) / 86_400_000;
    if (ageDays > settings.maxAgeDays) {
      return { state: 'stale', ...base, message: `the registry has not confirmed this bundle for ${Math.floor(ageDays)} days (limit ${settings.maxAgeDays}): check the connection to ${settings.ref.split('/')[0]}` };
    }
    return { state: 'verified', ...base };
  }

  /** Asks the registry now; concurrent calls share one attempt. */
  refresh(): Promise<PolicyStatus> {
    const settings = this.deps.settings;
    if (!settings) return Promise.resolve(this.status());
    this.refreshing ??= this.pull(settings).finally(() => {
      this.refreshing = undefined;
      this.schedule(settings);
    });
    return this.refreshing;
  }

  /**
   * An archive from `bulwark policy export` (air-gapped machines): the same verification, cache and
   * activation as a pull, with the configured reference and key. A refused archive changes nothing.
   */
  async importArchive(tar: Buffer): Promise<{ status: PolicyStatus; error?: string }> {
    const settings = this.deps.settings;
    if (!settings) return { status: this.status(), error: 'no policy is configured: set bulwark.policy.ref and bulwark.policy.publicKey in your user settings first' };
    try {
      const active = await importPolicy(tar, this.source(settings), this.context(settings));
      this.problem = undefined;
      this.activate(active);
    } catch (err) {
      const error = describe(err);
      this.deps.log(`Policy import refused: ${error}${this.active ? ` (still applying ${this.active.record.name} ${this.active.record.version})` : ''}`);
      return { status: this.status(), error };
    }
    const status = this.status();
    if (!this.disposed) this.deps.onStatus(status);
    return { status };
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async pull(settings: PolicySettings): Promise<PolicyStatus> {
    try {
      const result = await pullPolicy(this.source(settings), this.context(settings), this.active);
      this.problem = undefined;
      if (result.changed || this.active?.record.digest !== result.active.record.digest) this.activate(result.active);
      else this.active = result.active;
    } catch (err) {
      this.problem = describe(err);
      this.deps.log(`Policy ${settings.ref}: ${this.problem}${this.active ? ` (still applying ${this.active.record.name} ${this.active.record.version})` : ''}`);
    }
    const status = this.status();
    if (!this.disposed) this.deps.onStatus(status);
    return status;
  }

  private activate(active: ActivePolicy): void {
    const { bundle } = active;
    const problems = this.deps.rules.applyBundle({ policy: bundle.policy, packs: bundle.packs, identity: bundle.identity, approvedImages: bundle.approvedImages });
    if (problems.length > 0) {
      throw new PolicyError('invalid', `the bundle ${bundle.identity.name} ${bundle.identity.version} cannot be combined with the other rule packs: ${problems.join('; ')}`);
    }
    this.active = active;
    this.deps.onRulesChanged();
  }

  private schedule(settings: PolicySettings, delayMs?: number): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    // ±10% jitter: editors started together (a fleet after an update) spread their requests.
    const delay = delayMs ?? settings.refreshMinutes * 60_000 * (0.9 + Math.random() * 0.2);
    this.timer = setTimeout(() => void this.refresh(), delay);
    this.timer.unref();
  }

  private source(settings: PolicySettings): PolicySource {
    return { ref: settings.ref, publicKeyPem: readPublicKey(settings.publicKey) };
  }

  private context(settings: PolicySettings) {
    return {
      cache: this.deps.cache,
      engineVersion: this.deps.engineVersion,
      now: this.deps.now,
      registry: {
        env: this.deps.env ?? process.env,
        ...(settings.caFile ? { caFile: settings.caFile } : {}),
        ...(settings.credentials ? { credentials: settings.credentials } : {}),
        ...(settings.proxy ? { proxy: settings.proxy } : {}),
      },
    };
  }
}

/** The setting holds a PEM key, or the path of one. */
function readPublicKey(setting: string): string {
  if (setting.includes('-----BEGIN')) return setting;
  if (setting.trim() === '') throw new PolicyError('config', 'bulwark.policy.publicKey is not set: the bundle cannot be verified without the organisation\'s public key');
  try {
    return fs.readFileSync(path.resolve(setting), 'utf8');
  } catch (err) {
    throw new PolicyError('config', `cannot read bulwark.policy.publicKey ${setting}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
