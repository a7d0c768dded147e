import type { Instruction } from 'dockerfile-ast';
import type { DockerfileModel, Stage } from '../../parsers/dockerfile';
import type { Fix, Span, TextEdit } from '../../types';
import { defineTemplate } from '../template';
import { insertLineAfter, insertLineBefore, lineStartOf } from './edits';
import { imageOf } from './image-reference';

interface Params {
  /** `root`: the final stage's user is root. `missing`: the final stage never sets a user. */
  readonly report: 'root' | 'missing';
  /** RE2 over the resolved base image (as written when a variable is unknown): images whose default user is not root (skipped by `missing`). */
  readonly nonRootImages?: string;
}

export const NON_ROOT_USER = '10001:10001';

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
    '`report: root` flags root, 0, root:<group>, 0:<group> and Windows\' ContainerAdministrator (variables resolved from ARG/ENV defaults); `report: missing` flags a final image that never sets a user, unless its base image matches `nonRootImages`. ' +
    `Build stages are not checked: they do not ship. The suggestions use ${NON_ROOT_USER}.`,
  paramsSchema: {
    type: 'object',
    required: ['report'],
    additionalProperties: false,
    properties: { report: { enum: ['root', 'missing'] }, nonRootImages: { type: 'string', minLength: 1 } },
  },
  placeholders: ['user', 'image'],
  fixKind: 'suggestion',
  instantiate: (params, regex) => {
    const nonRoot = params.nonRootImages ? regex(params.nonRootImages) : undefined;
    return (model, ctx) => {
      const final = model.stages.find((s) => s.isFinal);
      if (!final) return;
      const source = userOf(model, final, new Set());
      const image = imageOf(model, source.root);
      const imageName = image?.resolved ?? image?.raw ?? 'scratch';
      if (params.report === 'root') {
        if (!source.user || !isRoot(source.user.value)) return;
        const inFinal = source.user.stage === final;
        const fix = inFinal ? replaceUser(source.user.span, source.user.value) : insertUser(model, final);
        ctx.report({ span: source.user.span, data: { user: source.user.value, image: imageName }, key: 'final-user', fixes: fix ? [fix] : [] });
        return;
      }
      // The name up to an unknown tag still tells the image (mcr.microsoft.com/windows/nanoserver:${VERSION}).
      if (source.user || (image && nonRoot?.test(image.resolved ?? image.raw))) return;
      const fromImage = imageOf(model, final);
      const span = fromImage?.span ?? model.span(final.from.getRange());
      const fix = insertUser(model, final);
      ctx.report({ span, data: { user: 'root', image: imageName }, key: 'final-user-missing', fixes: fix ? [fix] : [] });
    };
  },
});

/** The user the final stage runs as, when a USER sets it in the file (following FROM <stage> chains). */
export function finalStageUser(model: DockerfileModel): { readonly value: string; readonly span: Span } | undefined {
  const final = model.stages.find((s) => s.isFinal);
  return final ? userOf(model, final, new Set()).user : undefined;
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
function insertUser(model: DockerfileModel, stage: Stage): Fix | undefined {
  const instructions = stage.instructions.filter((i) => i.getKeyword() !== 'ONBUILD');
  const lastStep = instructions.map((i) => BUILD_STEPS.has(i.getKeyword())).lastIndexOf(true);
  const target = instructions.slice(lastStep + 1).find((i) => RUNTIME.has(i.getKeyword()));
  const keyword = stage.from.getInstruction() === stage.from.getInstruction().toLowerCase() ? 'user' : 'USER';
  const line = `${keyword} ${NON_ROOT_USER}`;
  let edit: TextEdit;
  if (target) edit = insertLineBefore(model, commentBlockStart(model, model.span(target.getRange()).start), line);
  else {
    const last = stage.instructions[stage.instructions.length - 1] ?? stage.from;
    edit = insertLineAfter(model, model.span(last.getRange()).end, line);
  }
  return { title: `Run as a non-root user (insert USER ${NON_ROOT_USER})`, kind: 'suggestion', edits: [edit] };
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
