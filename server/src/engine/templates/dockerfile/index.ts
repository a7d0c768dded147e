import type { AnyTemplate } from '../template';
import { addSource } from './add-source';
import { argument } from './argument';
import { approvedImage } from './approved-image';
import { baseImagePin } from './base-image-pin';
import { contextCopy } from './context-copy';
import { finalInstruction } from './final-instruction';
import { finalUser } from './final-user';
import { packagePin } from './package-pin';
import { pipefail } from './pipefail';
import { remoteExec } from './remote-exec';
import { runCommand } from './run-command';
import { runSequence } from './run-sequence';
import { secretEnv } from './secret-env';
import { setting } from './setting';

/** Sorted by id. */
export const DOCKERFILE_TEMPLATES: readonly AnyTemplate[] = [addSource, approvedImage, argument, baseImagePin, contextCopy, finalInstruction, finalUser, packagePin, pipefail, runCommand, remoteExec, runSequence, secretEnv, setting];
