// Which Bulwark rule a diagnostic comes from. No vscode import: unit-tested directly.

export interface DiagnosticLike {
  readonly source?: string;
  readonly code?: string | number | { readonly value: string | number };
}

/** The rule id of a Bulwark diagnostic (its `code`, plain or with a documentation link), else undefined. */
export function bulwarkRuleId(diagnostic: DiagnosticLike): string | undefined {
  if (!diagnostic.source || diagnostic.source.toLowerCase() !== 'bulwark') return undefined;
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return typeof code === 'string' && code.length > 0 ? code : undefined;
}
