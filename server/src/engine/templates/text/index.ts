import type { AnyTemplate } from '../template';
import { encodedPrivateKey } from './encoded-private-key';
import { invalidSuppression } from './invalid-suppression';
import { privateKey } from './private-key';
import { secretAssignment } from './secret-assignment';
import { secretDetectors } from './secret-detectors';
import { secretPattern } from './secret-pattern';

/** Sorted by id. */
export const TEXT_TEMPLATES: readonly AnyTemplate[] = [encodedPrivateKey, invalidSuppression, privateKey, secretAssignment, secretDetectors, secretPattern];
