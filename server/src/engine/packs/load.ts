import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { createAjv } from '../schema-compiler';
import { compareNames } from '../name-order';
import { RegexMeter, SafeRegex } from '../safe-regex';
import type { AnyTemplate } from '../templates/template';
import type { Check, FixKind, PackInfo, PodSecurityLevel, Rule, RuleMatch, RuleMeta, Severity, Confidence } from '../types';
import { readPackYaml, type PackError, type PackYaml } from './pack-yaml';
import { PACK_SCHEMA, RULE_SCHEMA } from './schema';

export type { PackError };

/** A pack file that passed validation, with the data read from it. */
export interface ValidatedPackFile {
  readonly kind: 'pack' | 'rule';
  readonly text: string;
  readonly value: unknown;
}

/** The key of PackLoader's `validated` map: the schema a file was checked against, and its exact text. */
export function validatedKey(kind: ValidatedPackFile['kind'], text: string): string {
  return `${kind}\u0000${text}`;
}

/** A file of a pack as the caller read it; the engine never touches a file system itself. */
export interface PackFile {
  /** Path relative to the pack root, with `/` separators. */
  readonly path: string;
  readonly text: string;
}

export interface LoadedPack {
  readonly info: PackInfo;
  readonly rules: readonly Rule[];
}

interface RuleDocument {
  id: string;
  title: string;
  severity: Severity;
  confidence: Confidence;
  message: string;
  description: string;
  remediation: string;
  peers?: Record<string, string[]>;
  cwe?: string[];
  references?: string[];
  tags?: string[];
  supersedes?: string[];
  implies?: string[];
  match: { template: string; params?: Record<string, unknown> };
  fix?: { kind?: FixKind; title?: string };
}

/**
 * Validates a pack (manifest, every rule against the rule schema, every rule's params against its
 * template's schema) and instantiates its rules. Nothing in a pack is executed: it is data that
 * selects and parameterises templates. Problems come back as errors with file and line; a rule with
 * an error is left out and the others still load.
 */
export class PackLoader {
  // Compiled on first use: a loader given every file as already validated never compiles a schema.
  private ajvInstance: Ajv | undefined;
  private packValidator: ValidateFunction | undefined;
  private ruleValidator: ValidateFunction | undefined;
  private readonly paramValidators = new Map<string, ValidateFunction>();
  private readonly accepted: ValidatedPackFile[] = [];

  /**
   * `validated`: files this same loader accepted before (see validatedFiles), by kind and exact text.
   * Their YAML is not parsed nor checked against the schemas again (the bulk of the CLI's startup);
   * every other check of a rule still runs.
   */
  constructor(
    private readonly templates: ReadonlyMap<string, AnyTemplate>,
    private readonly validated: ReadonlyMap<string, unknown> = new Map(),
  ) {}

  /** Every pack.yaml and rule.yaml this loader accepted without an error: what a later loader may reuse. */
  validatedFiles(): readonly ValidatedPackFile[] {
    return this.accepted;
  }

  load(root: string, files: readonly PackFile[]): { pack?: LoadedPack; errors: PackError[] } {
    const errors: PackError[] = [];
    const byPath = new Map(files.map((f) => [f.path, f.text]));
    const manifestText = byPath.get('pack.yaml');
    if (manifestText === undefined) return { errors: [{ file: 'pack.yaml', message: 'the pack has no pack.yaml' }] };
    const manifest = this.readYaml('pack', 'pack.yaml', manifestText, errors)?.value as
      | { id: string; version: string; description: string }
      | undefined;
    if (!manifest) return { errors };
    const info: PackInfo = { id: manifest.id, version: manifest.version, description: manifest.description, root };
    const rules: Rule[] = [];
    const seen = new Set<string>();
    for (const file of files.filter((f) => /(^|\/)rule\.ya?ml$/.test(f.path)).sort((a, b) => compareNames(a.path, b.path))) {
      let rule: Rule | undefined;
      try {
        rule = this.loadRule(info, file, byPath, errors);
      } catch (err) {
        // A defect of ours must cost one rule, not the pack (nor the packs loaded after it).
        errors.push({ file: file.path, message: `cannot load the rule: ${err instanceof Error ? err.message : String(err)}` });
      }
      if (!rule) continue;
      if (seen.has(rule.meta.id)) {
        errors.push({ file: file.path, message: `rule id "${rule.meta.id}" is declared twice in pack "${info.id}"` });
        continue;
      }
      seen.add(rule.meta.id);
      rules.push(rule);
    }
    return { pack: { info, rules }, errors };
  }

  private loadRule(pack: PackInfo, file: PackFile, byPath: Map<string, string>, errors: PackError[]): Rule | undefined {
    const before = errors.length;
    const yaml = this.readYaml('rule', file.path, file.text, errors);
    if (!yaml) return undefined;
    const parsed = yaml.value as RuleDocument;
    const known = this.validated.has(validatedKey('rule', file.text));
    const folder = file.path.replace(/\/?rule\.ya?ml$/, '');
    const at = (path: (string | number)[], message: string) => errors.push({ file: file.path, line: yaml.lineOf(path), message });
    if (folder.split('/').pop() !== parsed.id) at(['id'], `rule id "${parsed.id}" must match its folder name "${folder.split('/').pop() ?? ''}"`);
    const template = this.templates.get(parsed.match.template);
    if (!template) {
      at(['match', 'template'], `unknown template "${parsed.match.template}"`);
      return undefined;
    }
    const params = parsed.match.params ?? {};
    const validateParams = known ? undefined : this.paramsValidator(template);
    if (validateParams && !validateParams(params)) {
      for (const e of validateParams.errors ?? []) at(['match', 'params', ...e.instancePath.split('/').slice(1)], `match.params${e.instancePath.replace(/\//g, '.')} ${e.message ?? 'is invalid'}`);
    }
    if (parsed.fix && !template.fixKind) at(['fix'], `template "${template.id}" proposes no fix, so the rule cannot declare one`);
    if (parsed.fix?.kind === 'autofix' && template.fixKind === 'suggestion') at(['fix', 'kind'], `template "${template.id}" only proposes suggestions; fix.kind cannot be autofix`);
    for (const placeholder of parsed.message.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
      if (!template.placeholders.includes(placeholder[1])) at(['message'], `message placeholder {{${placeholder[1]}}} is not provided by template "${template.id}"`);
    }
    if (errors.length > before) return undefined;
    const meta: RuleMeta = {
      id: parsed.id,
      packId: pack.id,
      title: parsed.title,
      severity: parsed.severity,
      confidence: parsed.confidence,
      language: template.language,
      message: parsed.message,
      description: parsed.description.trim(),
      remediation: parsed.remediation.trim(),
      peers: parsed.peers ?? {},
      cwe: parsed.cwe ?? [],
      references: parsed.references ?? [],
      tags: parsed.tags ?? [],
      supersedes: parsed.supersedes ?? [],
      implies: parsed.implies ?? [],
      // Without a declared kind, the template's ceiling applies: analyze() demotes every fix to it.
      fix: parsed.fix && { ...parsed.fix, kind: parsed.fix.kind ?? template.fixKind },
      docs: byPath.get(`${folder ? folder + '/' : ''}README.md`),
      path: folder,
    };
    let rule: Rule;
    try {
      rule = instantiateRule(meta, { template: template.id, params }, template, { compiledBefore: known });
    } catch (err) {
      // Regexes are compiled here: an invalid or oversized pattern is refused with the rule's line.
      at(['match', 'params'], `template "${template.id}" rejected the params: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
    this.accepted.push({ kind: 'rule', text: file.text, value: parsed });
    return rule;
  }

  private readYaml(kind: ValidatedPackFile['kind'], file: string, text: string, errors: PackError[]): PackYaml | undefined {
    const key = validatedKey(kind, text);
    if (this.validated.has(key)) {
      // Accepted before, so no error will be reported and no line looked up.
      const value = structuredClone(this.validated.get(key));
      if (kind === 'pack') this.accepted.push({ kind, text, value });
      return { value, lineOf: () => undefined };
    }
    const yaml = readPackYaml(file, text, kind === 'pack' ? this.validatePack : this.validateRule, errors);
    if (yaml && kind === 'pack') this.accepted.push({ kind, text, value: yaml.value });
    return yaml;
  }

  private get ajv(): Ajv {
    return (this.ajvInstance ??= createAjv({ allErrors: true, strict: false }));
  }

  private get validatePack(): ValidateFunction {
    return (this.packValidator ??= this.ajv.compile(PACK_SCHEMA));
  }

  private get validateRule(): ValidateFunction {
    return (this.ruleValidator ??= this.ajv.compile(RULE_SCHEMA));
  }

  private paramsValidator(template: AnyTemplate): ValidateFunction {
    let validator = this.paramValidators.get(template.id);
    if (!validator) {
      validator = this.ajv.compile(template.paramsSchema);
      this.paramValidators.set(template.id, validator);
    }
    return validator;
  }
}

/**
 * Turns a validated rule (its meta and `match`) into a runnable rule: the template compiles the params
 * (regexes on RE2, metered per check). Throws when the template rejects them. The pack loader calls it
 * after validation; a cached policy bundle calls it with rules validated when the bundle was pulled.
 * `compiledBefore`: the rule's exact text was accepted by this engine's build (the validated snapshot),
 * so its patterns are known to compile within the limits and are compiled only when first run.
 */
export function instantiateRule(meta: RuleMeta, match: RuleMatch, template: AnyTemplate, options: { readonly compiledBefore?: boolean } = {}): Rule {
  const meter = new RegexMeter();
  const deferred = options.compiledBefore === true;
  const build = () => template.instantiate(match.params as never, (source, caseInsensitive) => new SafeRegex(source, caseInsensitive, meter, deferred)) as Check<never>;
  // A rule known to instantiate (compiledBefore) is instantiated at its first check: a scan of Dockerfiles
  // never builds the Kubernetes rules' checks. Any other rule is built now, so bad params are a load error.
  let inner = deferred ? undefined : build();
  const ruleLevel = podSecurityLevelOf(meta.peers.pss);
  // Each check is one file (or one YAML section): the rule's regex work is counted from zero.
  const check: Check<never> = (model, ctx) => {
    meter.reset();
    inner ??= build();
    inner(model, ruleLevel ? { ...ctx, podSecurity: { profile: ctx.podSecurityProfile ?? 'restricted', ruleLevel } } : ctx);
  };
  // A Pod Security rule reads the enforce label of its pods' Namespace, which may be in another file.
  const readsWorkspace = template.readsWorkspace === true || ruleLevel !== undefined;
  const lookaround = template.lookaround?.bind(template);
  const keywords = template.keywords?.(match.params as never);
  // The Namespace labels a Pod Security rule reads are among the per-section inputs; other workspace facts are not.
  const perSection = template.language === 'kubernetes' && template.readsWorkspace !== true && template.perSection !== false;
  const perRunScript = template.language === 'dockerfile' && template.perRunScript === true && !readsWorkspace;
  const runScriptsApart = template.language === 'dockerfile' && !perRunScript && !readsWorkspace && template.runScriptsApart?.(match.params as never) === true;
  return {
    meta,
    check,
    objectKinds: template.objectKinds,
    ...(readsWorkspace ? { readsWorkspace: true } : {}),
    ...(perSection ? { perSection: true } : {}),
    ...(perRunScript ? { perRunScript: true } : {}),
    ...(runScriptsApart ? { runScriptsApart: true } : {}),
    ...(lookaround ? { lookaround: (fileName: string) => lookaround(match.params as never, fileName) } : {}),
    ...(keywords && keywords.length > 0 ? { keywords } : {}),
    match,
  };
}

/**
 * The lowest Pod Security Standards level a rule maps to, read from its `pss` peer ids (`pss-b:…` is
 * Baseline, `pss-r:…` Restricted): the rule stays silent for pods held only to a lower level.
 */
function podSecurityLevelOf(pss: readonly string[] | undefined): PodSecurityLevel | undefined {
  if (!pss || pss.length === 0) return undefined;
  if (pss.some((id) => id.startsWith('pss-b:'))) return 'baseline';
  return pss.some((id) => id.startsWith('pss-r:')) ? 'restricted' : undefined;
}
