import type { K8sDocument, K8sObject, KubernetesModel } from './parsers/kubernetes';
import { parseText, type TextModel } from './parsers/text';
import { ENFORCE_LABEL } from './templates/kubernetes/pod-security';
import { asMap, findPair, getIn, scalarString } from './parsers/yaml-nodes';
import { movedReport } from './finding-memo';
import { shiftReport, TextWindows, unionLookaround, WINDOWED_MIN_LENGTH } from './text-windows';
import { readsKind } from './parsers/kubernetes-kinds';
import type { CheckContext, ParseCache, Report, Rule, RuleSet, TextLookaround } from './types';

// Kubernetes rules while typing: most checks read one object at a time, so on a multi-document manifest
// a rule's reports for a `---` section depend only on that section's text and on a few file-wide
// inputs (the pod-security profile, the Namespace enforce labels, the line-break style). With the
// caller's cache the rule runs per section and its reports are memoised with the cached parse, keyed by
// those inputs: a keystroke in a 1.9 MB manifest re-checks the one section it touched, not every workload.

/**
 * A section's reports as first placed (in file offsets, the section starting at `base`), and as moved
 * to where the section starts now. Typing above a section moves it at every keystroke: reports moved
 * from the ones first placed (movedReport) let the finding memo move their findings instead of making
 * them again (a slice, a fingerprint and a message per finding below the edit), and moving from the
 * first ones, never from the last moved, keeps no chain of earlier keystrokes' reports alive.
 */
interface PlacedReports {
  readonly base: number;
  readonly reports: readonly Report[];
  moved?: { readonly base: number; readonly reports: readonly Report[] };
}

interface SectionReports extends PlacedReports {
  readonly inputs: string;
}

function reportsAt(memo: PlacedReports, base: number): readonly Report[] {
  if (base === memo.base) return memo.reports;
  if (memo.moved?.base !== base) memo.moved = { base, reports: memo.reports.map((r) => movedReport(r, base - memo.base)) };
  return memo.moved.reports;
}

/**
 * What a per-section rule may read besides its section (rules that read more, `Rule.perSection` false,
 * run on the whole file): one string, compared whole, computed once per analysis.
 */
export function sectionInputs(model: KubernetesModel, context: Omit<CheckContext, 'report'>): string {
  const levels: string[] = [];
  for (const object of model.objects) {
    if (object.kind !== 'Namespace' || !object.document.doc) continue;
    const doc = object.document.doc;
    const labels = asMap(doc, getIn(doc, object.node, ['metadata', 'labels']));
    levels.push(`${object.name ?? ''}=${scalarString(findPair(doc, labels, ENFORCE_LABEL)?.value) ?? ''}`);
  }
  for (const namespace of context.workspace?.namespaces ?? []) {
    const level = namespace.labels.find(([key]) => key === ENFORCE_LABEL)?.[1];
    if (level !== undefined) levels.push(`ws:${namespace.name}=${level}`);
  }
  return JSON.stringify([context.podSecurityProfile ?? '', model.eol, levels]);
}

/** The file's objects by their section, for the one-section models below. */
export function objectsBySection(model: KubernetesModel): Map<K8sDocument, K8sObject[]> {
  const out = new Map<K8sDocument, K8sObject[]>();
  for (const object of model.objects) {
    const list = out.get(object.document);
    if (list) list.push(object);
    else out.set(object.document, [object]);
  }
  return out;
}

/** One analysis's per-section state: the objects of each section, the inputs, and each section's model once built. */
export interface PerSectionState {
  readonly bySection: ReadonlyMap<K8sDocument, readonly K8sObject[]>;
  readonly inputs: string;
  /** Each section's one-section model, shared by every rule of the analysis (built at the first rule that reads it). */
  readonly models?: Map<K8sDocument, KubernetesModel>;
  /**
   * The sections holding an object of the kinds a rule reads, by its `objectKinds` (the rules of one template
   * share the list): each rule of a manifest of many sections asked every section about its objects' kinds.
   */
  readonly sectionsByKinds?: Map<readonly string[] | undefined, readonly K8sDocument[]>;
  /** Reports are kept with each section for the next analysis; false when the cache is dropped with the file (the CLI's). */
  readonly keep?: boolean;
}

/**
 * `rule`'s reports on the whole file, section by section: a section whose text and inputs are those of
 * an earlier run reuses its reports. The same reports, in the same order, as one run on the whole model.
 */
export function kubernetesRulePerSection(rule: Rule, model: KubernetesModel, state: PerSectionState, context: Omit<CheckContext, 'report'>): Report[] {
  const { bySection, inputs, models } = state;
  const out: Report[] = [];
  const reports: Report[] = [];
  const sectionContext: CheckContext = { ...context, report: (r) => reports.push(r) };
  const keep = state.keep !== false;
  for (const document of sectionsRead(rule, model, state)) {
    const objects = bySection.get(document) ?? [];
    let memo = keep ? (document.memo.get(rule) as SectionReports | undefined) : undefined;
    if (!memo || memo.inputs !== inputs) {
      // Offsets stay the file's (templates add the section's base): the model is the file's, narrowed to
      // this section's objects, with the whole file still there for what a check reads file-wide.
      let section = models?.get(document);
      if (!section) {
        section = { ...model, documents: [document], objects, whole: model.whole ?? model };
        models?.set(document, section);
      }
      reports.length = 0;
      (rule.check as (m: KubernetesModel, ctx: CheckContext) => void)(section, sectionContext);
      if (!keep) {
        for (const r of reports) out.push(r);
        continue;
      }
      memo = { inputs, base: document.base, reports: reports.slice() };
      document.memo.set(rule, memo);
    }
    for (const r of reportsAt(memo, document.base)) out.push(r);
  }
  return out;
}

/** The sections, in file order, whose objects the rule may report on (readsAnyOf), once per list of kinds. */
function sectionsRead(rule: Rule, model: KubernetesModel, { bySection, sectionsByKinds }: PerSectionState): readonly K8sDocument[] {
  let sections = sectionsByKinds?.get(rule.objectKinds);
  if (!sections) {
    sections = model.documents.filter((document) => {
      const objects = bySection.get(document);
      return objects !== undefined && readsAnyOf(rule, objects);
    });
    sectionsByKinds?.set(rule.objectKinds, sections);
  }
  return sections;
}

/**
 * Whether the rule may report on these objects: a rule that declares its `objectKinds` reads no other
 * kind (sections of other kinds are not even parsed when it runs alone), so a section holding only
 * objects of other kinds is passed over without calling its check. An object without a kind is read.
 */
function readsAnyOf(rule: Rule, objects: readonly K8sObject[]): boolean {
  const kinds = rule.objectKinds;
  if (!kinds) return true;
  for (const object of objects) if (object.kind === undefined || readsKind(kinds, object.kind)) return true;
  return false;
}

/** The one ParseCache entry holding each large section's own window store (see SectionWindowCaches). */
const SECTION_WINDOWS_KEY = '\u0002section-windows';

/**
 * The windows of each large section, kept by the section's place in the file. One store shared by every
 * section ages per analysis: typing in one large CRD, then in another, dropped the first one's windows,
 * and the next keystroke there re-checked all of its 1.4 MB (the manifest's slowest keystrokes). Here a
 * section's windows age only when that section is windowed again. Entries are still confirmed by their
 * text, so a section that moved to another place only costs one full check of it.
 */
class SectionWindowCaches {
  private readonly bySection = new Map<number, Map<string, unknown>>();

  of(index: number): ParseCache {
    let cache = this.bySection.get(index);
    if (!cache) this.bySection.set(index, (cache = new Map<string, unknown>()));
    return cache;
  }

  /** Sections past the file's end are gone: their windows go too. */
  keepBelow(count: number): void {
    for (const index of this.bySection.keys()) if (index >= count) this.bySection.delete(index);
  }
}

/**
 * One analysis's text models of the sections (shared by the text rules, and so their one keyword pass),
 * and, with the caller's cache, windows over the sections too large to re-scan whole at a keystroke.
 */
export class SectionTexts {
  private readonly models = new Map<K8sDocument, TextModel>();
  private readonly windows = new Map<K8sDocument, TextWindows>();
  private readonly around: TextLookaround;
  /** Fetched at every analysis of the file, so the caller's cache never ages it out. */
  private readonly sectionWindows: SectionWindowCaches | undefined;

  constructor(
    private readonly uri: string,
    private readonly keywordPass: RuleSet['keywordPass'],
    cache: ParseCache | undefined,
    /** The rules that may run on windows, and how far each reads. */
    private readonly lookarounds: ReadonlyMap<Rule, TextLookaround>,
    sectionCount = 0,
  ) {
    this.around = unionLookaround([...lookarounds.values()]);
    if (cache && lookarounds.size > 0) {
      const known = cache.get(SECTION_WINDOWS_KEY);
      this.sectionWindows = known instanceof SectionWindowCaches ? known : new SectionWindowCaches();
      if (!known) cache.set(SECTION_WINDOWS_KEY, this.sectionWindows);
      this.sectionWindows.keepBelow(sectionCount);
    }
  }

  model(document: K8sDocument): TextModel {
    let model = this.models.get(document);
    if (!model) this.models.set(document, (model = parseText(document.text, this.uri, undefined, this.keywordPass)));
    return model;
  }

  windowsOf(rule: Rule, document: K8sDocument): TextWindows | undefined {
    if (!this.sectionWindows || !this.lookarounds.has(rule) || document.text.length < WINDOWED_MIN_LENGTH) return undefined;
    let windows = this.windows.get(document);
    // Each section's windows live in a store of their own, which ages when that section is windowed again.
    if (!windows) this.windows.set(document, (windows = new TextWindows(this.model(document), this.sectionWindows.of(document.index), this.around)));
    return windows;
  }
}

/**
 * Text rules (secrets, suppression comments) are line-local, so on a multi-document YAML file they run
 * per `---` section and their reports are memoised with the cached parse: a keystroke in a 2 MB
 * manifest re-scans only the section it touched, and in a large section only the windows it touched.
 */
export function textRulePerSection(rule: Rule, model: KubernetesModel, texts: SectionTexts, context: Omit<CheckContext, 'report'>): Report[] {
  const out: Report[] = [];
  for (const document of model.documents) {
    let memo = document.memo.get(rule) as PlacedReports | undefined;
    if (!memo) {
      let reports: Report[];
      const windows = texts.windowsOf(rule, document);
      if (windows) reports = windows.reports(rule, context);
      else {
        const found: Report[] = [];
        (rule.check as (m: TextModel, ctx: CheckContext) => void)(texts.model(document), { now: context.now, suppressionPolicy: context.suppressionPolicy, report: (r) => found.push(r) });
        reports = found;
      }
      // The check's reports are relative to the section: placed once where it starts now.
      memo = { base: document.base, reports: document.base === 0 ? reports : reports.map((r) => shiftReport(r, document.base)) };
      document.memo.set(rule, memo);
    }
    // Typing above the section moved it: the reports in offsets of the file move, nothing is re-checked.
    for (const r of reportsAt(memo, document.base)) out.push(r);
  }
  return out;
}
