import type { AnyTemplate } from '../template';
import { approvedImage } from './approved-image';
import { capabilitiesAdd } from './capabilities-add';
import { capabilitiesDrop } from './capabilities-drop';
import { configMapSecret } from './configmap-secret';
import { containerImage } from './container-image';
import { envSecretLiteral } from './env-secret-literal';
import { hostPathVolume } from './host-path-volume';
import { podSpecField } from './pod-spec-field';
import { secretManifest } from './secret-manifest';
import { securityContextField } from './security-context-field';

/** Sorted by id. */
export const KUBERNETES_TEMPLATES: readonly AnyTemplate[] = [
  approvedImage, // k8s-approved-image
  capabilitiesAdd, // k8s-capabilities-add
  capabilitiesDrop, // k8s-capabilities-drop
  configMapSecret, // k8s-configmap-secret
  containerImage, // k8s-container-image
  envSecretLiteral, // k8s-env-secret-literal
  hostPathVolume, // k8s-host-path-volume
  podSpecField, // k8s-pod-spec-field
  secretManifest, // k8s-secret-manifest
  securityContextField, // k8s-security-context-field
];
