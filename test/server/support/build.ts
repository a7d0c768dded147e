import * as path from 'node:path';
import { ensureBundle } from '../../support/bundles';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** dist/server.js, rebuilt first when missing or older than the sources. */
export function ensureServerBuilt(): string {
  return ensureBundle('server.js');
}
