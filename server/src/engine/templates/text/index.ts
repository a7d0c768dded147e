import type { AnyTemplate } from '../template';

/** Sorted by id. */
export const TEXT_TEMPLATES: readonly AnyTemplate[] = [];
