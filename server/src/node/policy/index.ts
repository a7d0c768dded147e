// The organisation's policy bundle on this machine: pull, verify, cache, and the lock file.
export { PolicyCache, defaultCacheRoot, type ActiveRecord } from './policy-cache';
export { PolicyError, type PolicyErrorCode } from './policy-error';
export { loadCachedPolicy, pullPolicy, fingerprint, type ActivePolicy, type PolicyContext, type PolicySource, type PullResult } from './pull-policy';
export { importPolicy } from './pull-policy';
export { archiveTar, collectArchive, MAX_POLICY_ARCHIVE_BYTES, openArchive, REF_ANNOTATION, type ArchiveParts, type OpenedArchive } from './bundle-archive';
export { readPolicyLock, writePolicyLock, POLICY_LOCK_FILE } from './policy-lock';
export { inspectRemoteBundle, type RemoteBundle, type SignatureStatus } from './inspect-remote';
