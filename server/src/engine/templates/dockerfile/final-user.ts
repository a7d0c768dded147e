import type { Instruction } from 'dockerfile-ast';
import type { DockerfileModel, Stage } from '../../parsers/dockerfile';
import type { Fix, Severity, Span, TextEdit } from '../../types';
import { defineTemplate } from '../template';
import { insertLineAfter, insertLineBefore, lineStartOf } from './edits';
import { imageOf, imageOrigin } from './image-reference';
import { workloadUserVerdict } from './user-from-workloads';

interface Params {
  /**
   * `root`: the final stage's user is root. `missing`: the final stage never sets a user. `non-numeric`: it
   * sets a user by name, which Kubernetes' runAsNonRoot cannot verify (root and unresolved variables excluded).
   */
  readonly report: 'root' | 'missing' | 'non-numeric';
  /** RE2 over the resolved base image (as written when a variable is unknown): images whose default user is not root (skipped by `missing`). */
  readonly nonRootImages?: string;
  /**
   * RE2 over the RUN, COPY, ADD, ENTRYPOINT and CMD instructions of the final stage and the stages it is built
   * FROM: evidence that the image starts as root only to drop to another user itself (gosu, su-exec, setpriv,
   * chroot --userspec), as the official database images do in their entrypoint. Such an image is not reported.
   */
  readonly dropsRoot?: string;
  /** RE2 over the base image: Windows images, whose default user is ContainerAdministrator, not root. */
  readonly windowsImages?: string;
  /** RE2 over the file's path: Dockerfiles that are not shipped images (dev containers choose their user elsewhere). */
  readonly skipPaths?: string;
  /**
   * RE2 (whole match) over the final image's CMD, written as words joined by spaces: a shell or language
   * REPL (`python3`, `jshell`, `bash`) marks an image made for other images to build on. Such an image,
   * and one with neither CMD nor ENTRYPOINT of its own, is reported at `baseImageSeverity`: whether it runs
   * as root is decided by the Dockerfile or the pod that uses it.
   */
  readonly baseImageCommands?: string;
  /** RE2 (whole match) over an ENTRYPOINT that only prepares and runs the CMD (`docker-entrypoint.sh`): the CMD decides. */
  readonly wrapperEntrypoints?: string;
  readonly baseImageSeverity?: Severity;
}

const NON_ROOT_USER = '10001:10001';

/** What the final image runs as: its stage's last USER, else the one of the stage it is built FROM. */
interface UserSource {
  readonly user?: { readonly value: string; readonly span: Span; readonly stage: Stage };
  /** The last stage in the FROM chain (the one whose base is an external image). */
  readonly root: Stage;
}

export const finalUser = defineTemplate<'dockerfile', Params>({
  id: 'dockerfile-final-user',
  language: 'dockerfile',
  description:
    'Checks the user the final stage (the image that ships) runs as: the last USER of that stage, or, when it has none, the USER inherited from the earlier stage it is built FROM. ' +
    '`report: root` flags root, 0, root:<group>, 0:<group> and Windows\' ContainerAdministrator (variables resolved from ARG/ENV defaults); `report: missing` flags a final image that never sets a user, unless its base image matches `nonRootImages`; ' +
    '`report: non-numeric` flags a final user given by name (`USER app`), which Kubernetes cannot check against runAsNonRoot (root, Windows images and unresolved variables are left out). ' +
    `Build stages are not checked: they do not ship. The suggestions use ${NON_ROOT_USER}. ` +
    '`missing` also reads the workspace index: when every workload container that runs the image this Dockerfile builds (tied as workspace-image-user-conflict ties them: compose, skaffold, or a folder named like the image) sets a non-zero runAsUser or runAsNonRoot: true, the image never runs as root there and nothing is reported; when only some do, the finding points at the others.',
  paramsSchema: {
    type: 'object',
    required: ['report'],
    additionalProperties: false,
    properties: {
      report: { enum: ['root', 'missing', 'non-numeric'] },
      nonRootImages: { type: 'string', minLength: 1 },
      dropsRoot: { type: 'string', minLength: 1 },
      windowsImages: { type: 'string', minLength: 1 },
      skipPaths: { type: 'string', minLength: 1 },
      baseImageCommands: { type: 'string', minLength: 1 },
      wrapperEntrypoints: { type: 'string', minLength: 1 },
      baseImageSeverity: { enum: ['critical', 'high', 'medium', 'low', 'info'] },
    },
  },
  placeholders: ['user', 'image', 'defaultUser'],
  fixKind: 'suggestion',
  readsWorkspace: true,
  instantiate: (params, regex) => {
    const nonRoot = params.nonRootImages ? regex(params.nonRootImages) : undefined;
    const dropsRoot = params.dropsRoot ? regex(params.dropsRoot) : undefined;
    const windows = params.windowsImages ? regex(params.windowsImages) : undefined;
    const skipPath = params.skipPaths ? regex(params.skipPaths) : undefined;
    const base = {
      command: params.baseImageCommands ? regex(params.baseImageCommands) : undefined,
      wrapper: params.wrapperEntrypoints ? regex(params.wrapperEntrypoints) : undefined,
    };
    return (model, ctx) => {
      const final = model.stages.find((s) => s.isFinal);
      if (!final) return;
      if (skipPath && ctx.uri !== undefined && skipPath.test(ctx.uri.replace(/\\/g, '/'))) return;
      if (dropsRoot && chainOf(model, final).some((stage) => stage.instructions.some((i) => DROP_EVIDENCE.has(i.getKeyword()) && dropsRoot.test(instructionText(model, i))))) return;
      const source = finalUserOf(model, final);
      const image = imageOf(model, source.root);
      const imageName = image?.resolved ?? image?.raw ?? 'scratch';
      const imageSpan = imageOrigin(image);
      if (params.report === 'root') {
        if (!source.user || !isRoot(source.user.value)) return;
        const inFinal = source.user.stage === final;
        const fix = inFinal ? replaceUser(source.user.span, source.user.value) : insertUser(model, final);
        // The user as written has one origin; one resolved from ARG/ENV has none (searched for every secret).
        const userSpan = source.user.value === model.text.slice(source.user.span.start, source.user.span.end) ? source.user.span : undefined;
        const origins = { ...(userSpan ? { user: userSpan } : {}), ...(imageSpan ? { image: imageSpan } : {}) };
        ctx.report({ span: source.user.span, data: { user: source.user.value, image: imageName }, origins, key: 'final-user', fixes: fix ? [fix] : [] });
        return;
      }
      if (params.report === 'non-numeric') {
        if (!source.user || isRoot(source.user.value) || !isNamedUser(source.user.value)) return;
        if ((image && windows?.test(image.resolved ?? image.raw)) || windowsShell(model, final)) return;
        const userSpan = source.user.value === model.text.slice(source.user.span.start, source.user.span.end) ? source.user.span : undefined;
        ctx.report({ span: source.user.span, data: { user: source.user.value, image: imageName }, origins: { ...(userSpan ? { user: userSpan } : {}), ...(imageSpan ? { image: imageSpan } : {}) }, key: 'final-user-name' });
        return;
      }
      // The name up to an unknown tag still tells the image (mcr.microsoft.com/windows/nanoserver:${VERSION}).
      if (source.user || (image && nonRoot?.test(image.resolved ?? image.raw))) return;
      const fromImage = imageOf(model, final);
      const span = fromImage?.span ?? model.span(final.from.getRange());
      const onWindows = !!(image && windows?.test(image.resolved ?? image.raw)) || windowsShell(model, final);
      // Windows images have no numeric users: their unprivileged account is ContainerUser.
      const fix = insertUser(model, final, onWindows ? 'ContainerUser' : NON_ROOT_USER);
      const defaultUser = onWindows ? 'ContainerAdministrator, the administrator of Windows images' : 'root for most images';
      const severity = params.baseImageSeverity && isBaseImage(model, final, base) ? params.baseImageSeverity : undefined;
      const pods = workloadUserVerdict(ctx);
      if (pods.satisfied) return;
      ctx.report({ span, data: { user: onWindows ? 'ContainerAdministrator' : 'root', image: imageName, defaultUser }, origins: imageSpan ? { image: imageSpan } : undefined, key: 'final-user-missing', fixes: fix ? [fix] : [], ...(severity ? { severity } : {}), ...(pods.related.length > 0 ? { related: pods.related } : {}) });
    };
  },
});

/** Instructions whose text may show that the image drops root itself (installing or calling gosu …). */
const DROP_EVIDENCE = new Set(['RUN', 'COPY', 'ADD', 'ENTRYPOINT', 'CMD']);

function instructionText(model: DockerfileModel, instruction: Instruction): string {
  const span = model.span(instruction.getRange());
  return model.text.slice(span.start, span.end);
}

/** The stage and the earlier stages it is built FROM, nearest first. */
function chainOf(model: DockerfileModel, stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let at: Stage | undefined = stage; at && !chain.includes(at); at = imageOf(model, at)?.stage) chain.push(at);
  return chain;
}

/** `SHELL ["cmd", …]` or `SHELL ["powershell", …]` in the final chain: only Windows images have those shells. */
function windowsShell(model: DockerfileModel, stage: Stage): boolean {
  return chainOf(model, stage).some((s) => s.instructions.some((i) => i.getKeyword() === 'SHELL' && /^\s*\[\s*"(cmd|cmd\.exe|powershell|powershell\.exe)"/i.test(i.getArgumentsContent() ?? '')));
}

interface BaseImageMatchers {
  readonly command?: { test(text: string): boolean };
  readonly wrapper?: { test(text: string): boolean };
}

/** No command of its own, or only a shell/REPL one behind at most a wrapper ENTRYPOINT: an image for others to build on. */
function isBaseImage(model: DockerfileModel, stage: Stage, base: BaseImageMatchers): boolean {
  const last = (keyword: string) => chainOf(model, stage).map((s) => s.instructions.filter((i) => i.getKeyword() === keyword).pop()).find((i) => i !== undefined);
  const entrypoint = last('ENTRYPOINT');
  const entrypointWords = entrypoint ? argv(entrypoint) : '';
  if (entrypointWords !== '' && !base.wrapper?.test(entrypointWords)) return false;
  const cmd = last('CMD');
  return !cmd || !!base.command?.test(argv(cmd));
}

/** An exec-form (JSON) argument list as words joined by spaces; the shell form as written. */
function argv(instruction: Instruction): string {
  const content = (instruction.getArgumentsContent() ?? '').trim();
  if (!content.startsWith('[')) return content;
  try {
    const parsed: unknown = JSON.parse(content);
    return Array.isArray(parsed) ? parsed.map(String).join(' ') : content;
  } catch {
    return content;
  }
}

/** The user the final stage runs as, when a USER sets it in the file (following FROM <stage> chains). */
export function finalStageUser(model: DockerfileModel): { readonly value: string; readonly span: Span } | undefined {
  const final = model.stages.find((s) => s.isFinal);
  return final ? finalUserOf(model, final).user : undefined;
}

const FINAL_USER_KEY = Symbol('finalUserOf');

/**
 * userOf the final stage, read once per model: the workspace index and the three final-user rules each
 * asked, and each resolved the USER's variables through dockerfile-ast again.
 */
function finalUserOf(model: DockerfileModel, final: Stage): UserSource {
  let read = model.memo.get(FINAL_USER_KEY) as Map<Stage, UserSource> | undefined;
  if (!read) model.memo.set(FINAL_USER_KEY, (read = new Map()));
  let source = read.get(final);
  if (!source) read.set(final, (source = userOf(model, final, new Set())));
  return source;
}

function userOf(model: DockerfileModel, stage: Stage, seen: Set<Stage>): UserSource {
  seen.add(stage);
  const users = stage.instructions.filter((i) => i.getKeyword() === 'USER');
  const last = users[users.length - 1];
  const args = last?.getArgumentsRange();
  if (last && args) return { user: { value: resolve(model, last), span: model.span(args), stage }, root: stage };
  const parent = imageOf(model, stage)?.stage;
  return parent && !seen.has(parent) ? userOf(model, parent, seen) : { root: stage };
}

/** The USER argument with $VAR / ${VAR} replaced by the ARG or ENV value in scope, when known. */
function resolve(model: DockerfileModel, user: Instruction): string {
  const raw = user.getArgumentsContent() ?? '';
  const line = user.getRange().start.line;
  return raw.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced: string | undefined, fallback: string | undefined, bare: string | undefined) => {
    const value = model.ast.resolveVariable(braced ?? bare ?? '', line);
    return value ?? fallback ?? whole;
  });
}

/** A user given by name (`app`, `app:app`), not by UID; an unresolved variable is unknown, not a name. */
function isNamedUser(user: string): boolean {
  const name = user.trim().split(':')[0];
  return name !== '' && !/^[0-9]+$/.test(name) && !name.includes('$');
}

/** Windows containers' administrator; user names are case-insensitive there. */
const WINDOWS_ADMIN = 'containeradministrator';

export function isRoot(user: string): boolean {
  const name = user.trim().split(':')[0];
  return name === 'root' || /^0+$/.test(name) || name.toLowerCase() === WINDOWS_ADMIN;
}

function replaceUser(span: Span, current: string): Fix {
  // Windows images have no numeric users: their unprivileged account is ContainerUser.
  const user = current.trim().toLowerCase() === WINDOWS_ADMIN ? 'ContainerUser' : NON_ROOT_USER;
  return { title: `Run as a non-root user (USER ${user})`, kind: 'suggestion', edits: [{ span, newText: user }] };
}

const BUILD_STEPS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR', 'VOLUME', 'SHELL', 'USER']);
const RUNTIME = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

/**
 * Inserts `USER 10001:10001` after the last build step of the stage (so RUN and COPY keep their
 * user) and before the CMD/ENTRYPOINT/HEALTHCHECK that follows it, above that instruction's
 * comments; at the end of the stage when there is none.
 */
function insertUser(model: DockerfileModel, stage: Stage, user = NON_ROOT_USER): Fix | undefined {
  const instructions = stage.instructions.filter((i) => i.getKeyword() !== 'ONBUILD');
  const lastStep = instructions.map((i) => BUILD_STEPS.has(i.getKeyword())).lastIndexOf(true);
  const target = instructions.slice(lastStep + 1).find((i) => RUNTIME.has(i.getKeyword()));
  const keyword = stage.from.getInstruction() === stage.from.getInstruction().toLowerCase() ? 'user' : 'USER';
  const line = `${keyword} ${user}`;
  let edit: TextEdit;
  if (target) edit = insertLineBefore(model, commentBlockStart(model, model.span(target.getRange()).start), line);
  else {
    const last = stage.instructions[stage.instructions.length - 1] ?? stage.from;
    edit = insertLineAfter(model, model.span(last.getRange()).end, line);
  }
  return { title: `Run as a non-root user (insert USER ${user})`, kind: 'suggestion', edits: [edit] };
}

/** The first line of the comment lines directly above `offset` (no blank line between). */
function commentBlockStart(model: DockerfileModel, offset: number): number {
  let start = lineStartOf(model.text, offset);
  for (let line = model.lines.lineOf(start) - 1; line >= 0; line--) {
    if (!/^\s*#/.test(model.lines.lineText(line))) break;
    start = model.lines.lineStart(line);
  }
  return start;
}
