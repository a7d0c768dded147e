import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { createAjv } from '../schema-compiler';
import { compareNames } from '../name-order';
import { RegexMeter, SafeRegex, regexFactsKey, type RegexFacts } from '../safe-regex';
import type { BuiltKeywordPass } from '../templates/text/keyword-pass';
import type { AnyTemplate } from '../templates/template';
import type { Check, FixKind, PackInfo, PodSecurityLevel, Rule, RuleMatch, RuleMeta, Severity, Confidence } from '../types';
import { readPackYaml, type PackError, type PackYaml } from './pack-yaml';
import { PACK_SCHEMA, RULE_SCHEMA } from './schema';

export type { PackError };

/**
 * A pack as a build of this engine validated it (the built-in pack, dist/validated-packs.json): the
 * manifest's data and each accepted rule's data, in load order. PackLoader.loadBuilt instantiates it
 * without reading YAML or checking schemas again.
 */
export interface BuiltPack {
  readonly manifest: unknown;
  readonly rules: readonly BuiltRule[];
  /** The facts of each pattern its rules compiled, by regexFactsKey: a scan compiles only the patterns an input gets past. */
  readonly regexFacts?: Readonly<Record<string, RegexFacts>>;
  /** The keyword pass of its rules (rule-set.ts), built: a rule set of these rules alone uses it as it is. */
  readonly keywordPass?: BuiltKeywordPass;
}

export interface BuiltRule {
  /** The rule.yaml's path in the pack, with `/`. */
  readonly path: string;
  readonly value: unknown;
  /** The README.md beside it. */
  readonly docs?: string;
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
  /** From a BuiltPack: its rules' keyword pass, built. */
  readonly keywordPass?: BuiltKeywordPass;
}

/** A rule.yaml to instantiate: read (parsed and schema-checked) when asked, with the README beside it. */
interface RuleSource {
  readonly path: string;
  yaml(): PackYaml | undefined;
  readonly docs: string | undefined;
}

function readmeOf(rulePath: string): string {
  const folder = rulePath.replace(/\/?rule\.ya?ml$/, '');
  return `${folder ? folder + '/' : ''}README.md`;
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
  // Compiled on first use: a loader given only built packs (loadBuilt) never compiles a schema.
  private ajvInstance: Ajv | undefined;
  private packValidator: ValidateFunction | undefined;
  private ruleValidator: ValidateFunction | undefined;
  private readonly paramValidators = new Map<string, ValidateFunction>();
  private acceptedManifest: unknown;
  private acceptedRules: BuiltRule[] = [];
  private compiledFacts = new Map<string, RegexFacts>();

  constructor(private readonly templates: ReadonlyMap<string, AnyTemplate>) {}

  /** The last pack this loader loaded, as far as it was accepted: what loadBuilt takes (the build's snapshot). */
  built(): BuiltPack {
    return { manifest: this.acceptedManifest, rules: this.acceptedRules, regexFacts: Object.fromEntries([...this.compiledFacts].sort(([a], [b]) => compareNames(a, b))) };
  }

  load(root: string, files: readonly PackFile[]): { pack?: LoadedPack; errors: PackError[] } {
    const errors: PackError[] = [];
    this.acceptedManifest = undefined;
    this.acceptedRules = [];
    this.compiledFacts = new Map();
    const byPath = new Map(files.map((f) => [f.path, f.text]));
    const manifestText = byPath.get('pack.yaml');
    if (manifestText === undefined) return { errors: [{ file: 'pack.yaml', message: 'the pack has no pack.yaml' }] };
    const manifest = readPackYaml('pack.yaml', manifestText, this.validatePack, errors)?.value;
    if (!manifest) return { errors };
    this.acceptedManifest = manifest;
    const ruleFiles = files.filter((f) => /(^|\/)rule\.ya?ml$/.test(f.path)).sort((a, b) => compareNames(a.path, b.path));
    const read = ruleFiles.map((file) => ({ path: file.path, yaml: () => readPackYaml(file.path, file.text, this.validateRule, errors), docs: byPath.get(readmeOf(file.path)) }));
    return this.instantiatePack(root, manifest, read, false, errors);
  }

  /** A pack this engine's build validated (BuiltPack): its rules instantiated, every file check skipped. */
  loadBuilt(root: string, built: BuiltPack): { pack?: LoadedPack; errors: PackError[] } {
    const errors: PackError[] = [];
    this.acceptedManifest = built.manifest;
    this.acceptedRules = [];
    this.compiledFacts = new Map();
    const read = built.rules.map((rule) => ({ path: rule.path, yaml: (): PackYaml => ({ value: rule.value, lineOf: () => undefined }), docs: rule.docs }));
    const loaded = this.instantiatePack(root, built.manifest, read, built.regexFacts ?? {}, errors);
    return built.keywordPass === undefined ? loaded : { ...loaded, pack: { ...loaded.pack, keywordPass: built.keywordPass } };
  }

  /** `validatedBefore`: the build accepted these rules (loadBuilt), and read these facts from their patterns. */
  private instantiatePack(root: string, manifestValue: unknown, ruleFiles: readonly RuleSource[], validatedBefore: false | Readonly<Record<string, RegexFacts>>, errors: PackError[]): { pack: LoadedPack; errors: PackError[] } {
    const manifest = manifestValue as { id: string; version: string; description: string };
    const info: PackInfo = { id: manifest.id, version: manifest.version, description: manifest.description, root };
    const rules: Rule[] = [];
    const seen = new Set<string>();
    for (const file of ruleFiles) {
      let rule: Rule | undefined;
      try {
        rule = this.loadRule(info, file, validatedBefore, errors);
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

  /** `known`: the build accepted this rule (loadBuilt), so its params are not checked against the template's schema again. */
  private loadRule(pack: PackInfo, file: RuleSource, known: false | Readonly<Record<string, RegexFacts>>, errors: PackError[]): Rule | undefined {
    const before = errors.length;
    const yaml = file.yaml();
    if (!yaml) return undefined;
    const parsed = yaml.value as RuleDocument;
    const folder = file.path.replace(/\/?rule\.ya?ml$/, '');
    const at = (path: (string | number)[], message: string) => errors.push({ file: file.path, line: yaml.lineOf(path), message });
    if (folder.split('/').pop() !== parsed.id) at(['id'], `rule id "${parsed.id}" must match its folder name "${folder.split('/').pop() ?? ''}"`);
    const template = this.templates.get(parsed.match.template);
    if (!template) {
      at(['match', 'template'], `unknown template "${parsed.match.template}"`);
      return undefined;
    }
    const params = parsed.match.params ?? {};
    const validateParams = known !== false ? undefined : this.paramsValidator(template);
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
      docs: file.docs,
      path: folder,
    };
    let rule: Rule;
    try {
      const compiled = known !== false ? { compiledBefore: true, regexFacts: known } : { compiledFacts: this.compiledFacts };
      rule = instantiateRule(meta, { template: template.id, params }, template, compiled);
    } catch (err) {
      // Regexes are compiled here: an invalid or oversized pattern is refused with the rule's line.
      at(['match', 'params'], `template "${template.id}" rejected the params: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
    this.acceptedRules.push({ path: file.path, value: parsed, ...(file.docs !== undefined ? { docs: file.docs } : {}) });
    return rule;
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

export interface InstantiateOptions {
  readonly compiledBefore?: boolean;
  readonly regexFacts?: Readonly<Record<string, RegexFacts>>;
  readonly compiledFacts?: Map<string, RegexFacts>;
}

/**
 * Turns a validated rule (its meta and `match`) into a runnable rule: the template compiles the params
 * (regexes on RE2, metered per check). Throws when the template rejects them. The pack loader calls it
 * after validation; a cached policy bundle calls it with rules validated when the bundle was pulled.
 * `compiledBefore`: the rule's exact text was accepted by this engine's build (the validated snapshot),
 * so its patterns are known to compile within the limits and are compiled only when first run, or not at
 * all when `regexFacts` (the build's) rule out every input they meet. `compiledFacts` collects the facts
 * of the patterns compiled now, for the build to ship.
 */
export function instantiateRule(meta: RuleMeta, match: RuleMatch, template: AnyTemplate, options: InstantiateOptions = {}): Rule {
  const meter = new RegexMeter();
  const deferred = options.compiledBefore === true;
  const { regexFacts, compiledFacts } = options;
  const compile = (source: string, caseInsensitive = false): SafeRegex => {
    const key = regexFactsKey(source, caseInsensitive);
    const known = deferred && regexFacts !== undefined && Object.hasOwn(regexFacts, key) ? regexFacts[key] : undefined;
    const regex = new SafeRegex(source, caseInsensitive, meter, deferred, known);
    if (!deferred && compiledFacts !== undefined && !compiledFacts.has(key)) compiledFacts.set(key, regex.regexFacts());
    return regex;
  };
  const build = () => template.instantiate(match.params as never, compile) as Check<never>;
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
  const wholeFileStep = template.wholeFileStep?.bind(template);
  const windowFact = template.windowFact?.bind(template);
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
    ...(wholeFileStep ? { wholeFileStep: (fileName: string) => wholeFileStep(match.params as never, fileName) } : {}),
    ...(windowFact ? { windowFact: (fileName: string, text: string) => windowFact(match.params as never, fileName, text) } : {}),
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
