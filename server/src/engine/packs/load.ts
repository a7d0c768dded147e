import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isScalar, parseDocument, type Document } from 'yaml';
import { getIn } from '../parsers/yaml-nodes';
import type { AnyTemplate } from '../templates/template';
import { LineIndex } from '../text';
import type { Check, FixKind, PackInfo, Rule, RuleMeta, Severity, Confidence, Language } from '../types';
import { PACK_SCHEMA, RULE_SCHEMA } from './schema';

/** A file of a pack as the caller read it; the engine never touches a file system itself. */
export interface PackFile {
  /** Path relative to the pack root, with `/` separators. */
  readonly path: string;
  readonly text: string;
}

export interface PackError {
  readonly file: string;
  readonly line?: number;
  readonly message: string;
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
  private readonly ajv = new Ajv({ allErrors: true, strict: false });
  private readonly validatePack = this.ajv.compile(PACK_SCHEMA);
  private readonly validateRule = this.ajv.compile(RULE_SCHEMA);
  private readonly paramValidators = new Map<string, ValidateFunction>();

  constructor(private readonly templates: ReadonlyMap<string, AnyTemplate>) {}

  load(root: string, files: readonly PackFile[]): { pack?: LoadedPack; errors: PackError[] } {
    const errors: PackError[] = [];
    const byPath = new Map(files.map((f) => [f.path, f.text]));
    const manifestText = byPath.get('pack.yaml');
    if (manifestText === undefined) return { errors: [{ file: 'pack.yaml', message: 'the pack has no pack.yaml' }] };
    const manifest = this.readYaml('pack.yaml', manifestText, this.validatePack, errors) as
      | { id: string; version: string; description: string }
      | undefined;
    if (!manifest) return { errors };
    const info: PackInfo = { id: manifest.id, version: manifest.version, description: manifest.description, root };
    const rules: Rule[] = [];
    const seen = new Set<string>();
    for (const file of files.filter((f) => /(^|\/)rule\.ya?ml$/.test(f.path)).sort((a, b) => a.path.localeCompare(b.path))) {
      const rule = this.loadRule(info, file, byPath, errors);
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
    const parsed = this.readYaml(file.path, file.text, this.validateRule, errors) as RuleDocument | undefined;
    if (!parsed) return undefined;
    const folder = file.path.replace(/\/?rule\.ya?ml$/, '');
    const at = (message: string) => errors.push({ file: file.path, message });
    if (folder.split('/').pop() !== parsed.id) at(`rule id "${parsed.id}" must match its folder name "${folder.split('/').pop() ?? ''}"`);
    const template = this.templates.get(parsed.match.template);
    if (!template) {
      at(`unknown template "${parsed.match.template}"`);
      return undefined;
    }
    const params = parsed.match.params ?? {};
    const validateParams = this.paramsValidator(template);
    if (!validateParams(params)) for (const e of validateParams.errors ?? []) at(`match.params${e.instancePath.replace(/\//g, '.')} ${e.message ?? 'is invalid'}`);
    if (parsed.fix && !template.fixKind) at(`template "${template.id}" proposes no fix, so the rule cannot declare one`);
    if (parsed.fix?.kind === 'autofix' && template.fixKind === 'suggestion') at(`template "${template.id}" only proposes suggestions; fix.kind cannot be autofix`);
    for (const placeholder of parsed.message.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
      if (!template.placeholders.includes(placeholder[1])) at(`message placeholder {{${placeholder[1]}}} is not provided by template "${template.id}"`);
    }
    if (errors.length > before) return undefined;
    let check: Check<never>;
    try {
      check = template.instantiate(params as never) as Check<never>;
    } catch (err) {
      at(`template "${template.id}" rejected the params: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
    const meta: RuleMeta = {
      id: parsed.id,
      packId: pack.id,
      title: parsed.title,
      severity: parsed.severity,
      confidence: parsed.confidence,
      language: template.language as Language,
      message: parsed.message,
      description: parsed.description.trim(),
      remediation: parsed.remediation.trim(),
      peers: parsed.peers ?? {},
      cwe: parsed.cwe ?? [],
      references: parsed.references ?? [],
      tags: parsed.tags ?? [],
      supersedes: parsed.supersedes ?? [],
      fix: parsed.fix,
      docs: byPath.get(`${folder ? folder + '/' : ''}README.md`),
      path: folder,
    };
    return { meta, check, objectKinds: template.objectKinds };
  }

  private paramsValidator(template: AnyTemplate): ValidateFunction {
    let validator = this.paramValidators.get(template.id);
    if (!validator) {
      validator = this.ajv.compile(template.paramsSchema);
      this.paramValidators.set(template.id, validator);
    }
    return validator;
  }

  private readYaml(path: string, text: string, validate: ValidateFunction, errors: PackError[]): unknown {
    const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
    const lines = new LineIndex(text);
    if (doc.errors.length > 0) {
      for (const e of doc.errors) errors.push({ file: path, line: lines.lineOf(e.pos[0]) + 1, message: e.message.split('\n')[0] });
      return undefined;
    }
    const value: unknown = doc.toJS({ maxAliasCount: 50 });
    if (!validate(value)) {
      for (const e of validate.errors ?? []) errors.push({ file: path, line: lineOfError(doc, lines, e), message: describe(e) });
      return undefined;
    }
    return value;
  }
}

function describe(e: ErrorObject): string {
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'the document';
  if (e.keyword === 'additionalProperties') return `${where} has an unknown field "${String(e.params.additionalProperty)}"`;
  if (e.keyword === 'enum') return `${where} must be one of ${(e.params.allowedValues as unknown[]).join(', ')}`;
  return `${where} ${e.message ?? 'is invalid'}`;
}

function lineOfError(doc: Document, lines: LineIndex, e: ErrorObject): number | undefined {
  const path: (string | number)[] = e.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  // An unknown field is reported on its parent; point at the field itself.
  if (e.keyword === 'additionalProperties') path.push(String(e.params.additionalProperty));
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : getIn(doc, doc.contents, path.slice(0, n));
    const range = node && (isScalar(node) || 'range' in node) ? node.range : undefined;
    if (range) return lines.lineOf(range[0]) + 1;
  }
  return undefined;
}
