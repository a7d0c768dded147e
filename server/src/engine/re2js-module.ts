import type * as Re2js from 're2js';

/**
 * re2js, loaded at the first compile rather than at start: loading it decodes its Unicode tables, and a
 * one-file scan may compile no pattern at all (patterns the build accepted compile when first run).
 * A require() inside the function stays lazy in the esbuild bundles, where an import would run at start.
 */
export function re2js(): typeof Re2js {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('re2js') as typeof Re2js;
}
