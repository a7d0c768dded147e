import type { DockerfileModel } from '../parsers/dockerfile';
import type { KubernetesModel } from '../parsers/kubernetes';
import type { TextModel } from '../parsers/text';
import type { RegexCompiler } from '../safe-regex';
import type { Check, FixKind, Language, TextLookaround } from '../types';

/** The parsed model each language's templates receive. */
export interface ModelOf {
  dockerfile: DockerfileModel;
  kubernetes: KubernetesModel;
  text: TextModel;
}

/** A JSON Schema (draft-07 subset that ajv validates); kept loose so templates stay plain data. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/**
 * A matcher written in code that rule packs instantiate with data (kube-linter's templates).
 * `instantiate` runs once per rule when a pack loads: compile regexes there, not per keystroke.
 */
export interface Template<L extends Language = Language, P = Record<string, unknown>> {
  readonly id: string;
  readonly language: L;
  /** One paragraph for the generated template docs. */
  readonly description: string;
  /** Validates and documents `match.params` of every rule that uses this template. */
  readonly paramsSchema: JsonSchema;
  /** Placeholders the template fills in a rule's message; the meta test checks messages use only these. */
  readonly placeholders: readonly string[];
  /** The strongest fix this template can propose; a rule may declare `fix:` only when this is set. */
  readonly fixKind?: FixKind;
  /**
   * Its fixes only create or extend a file beside the analysed one (Fix.companionFile, no edit in the
   * analysed file): the fixture harness has no golden to compare, the editor offers the file edit.
   */
  readonly fixesOtherFiles?: boolean;
  /**
   * Kubernetes only: the object kinds the check reads (kube-linter's objectKinds). Documents of other
   * kinds are not parsed unless another rule reads them. Absent: every kind.
   */
  readonly objectKinds?: readonly string[];
  /** The check reads CheckContext.workspace: callers build a workspace index only when a rule does. */
  readonly readsWorkspace?: boolean;
  /**
   * Kubernetes only: `false` when a check's reports on one `---` section may depend on more than that
   * section's objects, the pod-security profile and the Namespace enforce labels (the clock, the policy's
   * lists, other sections' objects). Such a check runs on the whole file at every analysis; others are
   * memoised per section in the editor (a template that reads the workspace never is).
   */
  readonly perSection?: false;
  /**
   * Dockerfile only: the check reads nothing of the model but its RUN scripts (model.runScripts(), the
   * helpers over them in command-patterns.ts) and reports on each script from that script alone: not
   * the instruction's stage, other instructions, the file's text, CheckContext.now, the policy or the
   * workspace. The editor then memoises its reports per RUN instruction (dockerfile-script-rules.ts).
   */
  readonly perRunScript?: true;
  /**
   * Dockerfile only, for a check that reads RUN scripts and other instructions: with these params, each
   * report it makes from a RUN script comes from that script alone (as perRunScript), and its other
   * reports read no RUN script. The editor then keeps the first kind per RUN instruction and runs the
   * check on the rest of the model with no scripts (dockerfile-script-rules.ts).
   */
  runScriptsApart?(params: P): boolean;
  /**
   * Text only: how far around a line the check reads in a file of this name (TextLookaround), or
   * undefined where it reads the whole file. A check that declares it must not read CheckContext.now,
   * the policy or the workspace: its reports on a window are reused while the window's text is unchanged.
   */
  lookaround?(params: P, fileName: string): TextLookaround | undefined;
  /**
   * Text only, with a lookaround: in a file of this name, a whole-file part of the check runs once per
   * analysis after the windows, given their reports (Rule.wholeFileStep).
   */
  wholeFileStep?(params: P, fileName: string): boolean;
  /**
   * Text only, with a lookaround: a short fact of the whole text of a file of this name that the check
   * reads on its windows (Rule.windowFact, CheckContext.windowFact), such as whether it imports a namespace.
   */
  windowFact?(params: P, fileName: string, text: string): string;
  /**
   * Text only: the keywords the check's prefilter looks for in every file; the rule set finds them all
   * in one shared pass (TextModel.sharedKeywordOffsets), which the check then reads.
   */
  keywords?(params: P): readonly string[];
  /**
   * `regex` compiles a pack's pattern on RE2 within the size limits, metered per file (safe-regex.ts):
   * every pattern that comes from params goes through it, never through `new RegExp`.
   */
  instantiate(params: P, regex: RegexCompiler): Check<ModelOf[L]>;
}

/** Erases the parameter type so templates of every kind fit one registry. */
export type AnyTemplate = Template<Language, never>;

export function defineTemplate<L extends Language, P>(template: Template<L, P>): AnyTemplate {
  return template as unknown as AnyTemplate;
}
