import type { AnyTemplate } from '../template';
import { imageUserConflict } from './image-user-conflict';
import { namespaceResourceControlsMissing } from './namespace-resource-controls';
import { networkPolicyMissing } from './network-policy';

/** Templates that read the workspace index (engine/workspace) besides the file: cross-file checks. Sorted by id. */
export const WORKSPACE_TEMPLATES: readonly AnyTemplate[] = [
  imageUserConflict, // workspace-image-user-conflict
  namespaceResourceControlsMissing, // workspace-namespace-resource-controls-missing
  networkPolicyMissing, // workspace-network-policy-missing
];
