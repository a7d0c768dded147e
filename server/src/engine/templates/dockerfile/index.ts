import type { AnyTemplate } from '../template';

/** Sorted by id. */
export const DOCKERFILE_TEMPLATES: readonly AnyTemplate[] = [];
