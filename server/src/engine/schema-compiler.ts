import type Ajv from 'ajv';
import type { Options } from 'ajv';

/**
 * A new Ajv, with the library loaded on first use: loading it costs tens of milliseconds, and most
 * runs never compile a schema (the built-in pack is validated at build time, see
 * node/validated-packs.ts; a policy is only checked when one is given).
 */
export function createAjv(options: Options): Ajv {
  // A require() inside the function: esbuild keeps it lazy in the bundles too (an import would load it at start).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('ajv') as { default: typeof Ajv };
  return new loaded.default(options);
}
