import type { K8sDocument, K8sObject, KubernetesModel } from './parsers/kubernetes';
import { ENFORCE_LABEL } from './templates/kubernetes/pod-security';
import { asMap, findPair, getIn, scalarString } from './parsers/yaml-nodes';
import { shiftReport } from './text-windows';
import type { CheckContext, Report, Rule } from './types';

// Kubernetes rules while typing: most checks read one object at a time, so on a multi-document manifest
// a rule's reports for a `---` section depend only on that section's text and on a few file-wide
// inputs (the pod-security profile, the Namespace enforce labels, the line-break style). With the
// caller's cache the rule runs per section and its reports are memoised with the cached parse, keyed by
// those inputs: a keystroke in a 1.9 MB manifest re-checks the one section it touched, not every workload.

interface SectionReports {
  readonly inputs: string;
  /** Where the section started when `reports` were placed: typing above it moves it. */
  readonly base: number;
  readonly reports: readonly Report[];
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

/**
 * `rule`'s reports on the whole file, section by section: a section whose text and inputs are those of
 * an earlier run reuses its reports. The same reports, in the same order, as one run on the whole model.
 */
export function kubernetesRulePerSection(
  rule: Rule,
  model: KubernetesModel,
  { bySection, inputs }: { readonly bySection: ReadonlyMap<K8sDocument, readonly K8sObject[]>; readonly inputs: string },
  context: Omit<CheckContext, 'report'>,
): Report[] {
  const out: Report[] = [];
  for (const document of model.documents) {
    const objects = bySection.get(document);
    if (!objects) continue;
    let memo = document.memo.get(rule) as SectionReports | undefined;
    if (!memo || memo.inputs !== inputs) {
      // Offsets stay the file's (templates add the section's base): the model is the file's, narrowed to
      // this section's objects, with the whole file still there for what a check reads file-wide.
      const section: KubernetesModel = { ...model, documents: [document], objects, whole: model.whole ?? model };
      const reports: Report[] = [];
      (rule.check as (m: KubernetesModel, ctx: CheckContext) => void)(section, { ...context, report: (r) => reports.push(r) });
      memo = { inputs, base: document.base, reports };
      document.memo.set(rule, memo);
    } else if (memo.base !== document.base) {
      const by = document.base - memo.base;
      memo = { inputs, base: document.base, reports: memo.reports.map((r) => shiftReport(r, by)) };
      document.memo.set(rule, memo);
    }
    out.push(...memo.reports);
  }
  return out;
}
