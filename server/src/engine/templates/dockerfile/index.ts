import type { AnyTemplate } from '../template';
import { baseImagePin } from './base-image-pin';

/** Sorted by id. */
export const DOCKERFILE_TEMPLATES: readonly AnyTemplate[] = [baseImagePin];
