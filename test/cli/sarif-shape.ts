// The parts of SARIF 2.1.0 the CLI tests read; `unknown` elsewhere so a test never trusts more than it checks.

export interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: SarifRegion } }[];
  partialFingerprints: Record<string, string>;
  fixes?: { description: { text: string }; artifactChanges: { replacements: { deletedRegion: SarifRegion; insertedContent: { text: string } }[] }[] }[];
  suppressions?: { kind: string; justification: string }[];
}

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: string };
  properties: { tags: string[]; precision: string; 'security-severity': string; cwe: string[] };
}

export interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; semanticVersion: string; informationUri?: string; rules: SarifRule[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string }; descriptor: { id: string } }[] }[];
    columnKind: string;
    results: SarifResult[];
  }[];
}

/** Replaces what differs between machines and releases, so a golden compares only behaviour. */
export function normaliseSarif(log: SarifLog): SarifLog {
  const copy = JSON.parse(JSON.stringify(log)) as SarifLog;
  for (const run of copy.runs) {
    run.tool.driver.version = '<version>';
    run.tool.driver.semanticVersion = '<version>';
    for (const base of Object.values(run.originalUriBaseIds)) base.uri = 'file:///<scan-root>/';
  }
  return copy;
}
