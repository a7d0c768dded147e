import * as path from 'node:path';

/**
 * The read-only research folder beside the repository (../shared: corpora and notes); absent on some
 * machines, and tests that use it skip with the reason printed. BULWARK_SHARED names it for a checkout
 * that is not next to it (a git worktree one folder deeper, a clone elsewhere).
 */
export const SHARED = process.env.BULWARK_SHARED ?? path.resolve(__dirname, '..', '..', '..', 'shared');

/** ../shared/corpora/realworld: real Dockerfiles and Kubernetes manifests. */
export const REALWORLD = path.join(SHARED, 'corpora', 'realworld');
