// One settings type flows from VS Code (or any LSP client) through the server to the engine.
// Imported by the client and the server; keep it free of vscode and LSP imports.
import { DEFAULT_MAX_FILE_SIZE } from '../engine/analyze';

export type SeverityLevel = 'critical' | 'high' | 'medium' | 'low' | 'info';
export type RuleSeveritySetting = SeverityLevel | 'off';

export interface BulwarkSettings {
  /** Analyse documents at all. */
  readonly enable: boolean;
  /** Per-rule severity, or `off`, by rule id (a Map: a rule id such as `constructor` is data, not an object key). */
  readonly severityOverrides: ReadonlyMap<string, RuleSeveritySetting>;
  /** Globs (relative to the workspace folder, or absolute) of files never analysed. */
  readonly exclude: readonly string[];
  /** Files larger than this many bytes are skipped with one notice. */
  readonly maxFileSize: number;
  /** Peers' suppression comments (hadolint, checkov, kics, trivy) suppress the rules that map to them (opt-in). */
  readonly honorPeerSuppressions: boolean;
  /** The Pod Security Standards level the pod-security rules check; a Namespace's enforce label wins. */
  readonly podSecurityProfile: 'baseline' | 'restricted';
}

export const DEFAULT_SETTINGS: BulwarkSettings = {
  enable: true,
  severityOverrides: new Map(),
  exclude: [],
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
  honorPeerSuppressions: false,
  podSecurityProfile: 'restricted',
};

const LEVELS: readonly string[] = ['critical', 'high', 'medium', 'low', 'info', 'off'];

/** Settings come from outside (a client, a settings file): keep what is well-formed, default the rest. */
export function parseSettings(raw: unknown): BulwarkSettings {
  const input = isRecord(raw) ? raw : {};
  const overrides = new Map<string, RuleSeveritySetting>();
  if (isRecord(input.severityOverrides)) {
    // Own enumerable keys only (JSON.parse makes `__proto__` one); values must be a known level.
    for (const [rule, level] of Object.entries(input.severityOverrides)) {
      if (typeof level === 'string' && LEVELS.includes(level)) overrides.set(rule, level as RuleSeveritySetting);
    }
  }
  const exclude = Array.isArray(input.exclude) ? input.exclude.filter((g): g is string => typeof g === 'string' && g.length > 0) : [];
  const maxFileSize =
    typeof input.maxFileSize === 'number' && Number.isFinite(input.maxFileSize) && input.maxFileSize > 0
      ? Math.floor(input.maxFileSize)
      : DEFAULT_SETTINGS.maxFileSize;
  return {
    enable: typeof input.enable === 'boolean' ? input.enable : DEFAULT_SETTINGS.enable,
    severityOverrides: overrides,
    exclude,
    maxFileSize,
    honorPeerSuppressions: input.honorPeerSuppressions === true,
    podSecurityProfile: input.podSecurityProfile === 'baseline' ? 'baseline' : DEFAULT_SETTINGS.podSecurityProfile,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
