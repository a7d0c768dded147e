import type { AnyTemplate } from '../template';
import { approvedImage } from './approved-image';
import { capabilitiesAdd } from './capabilities-add';
import { capabilitiesDrop } from './capabilities-drop';
import { configChecks } from './config-checks';
import { configMapSecret } from './configmap-secret';
import { containerImage } from './container-image';
import { controlPlaneFlags } from './control-plane-flags';
import { envSecretLiteral } from './env-secret-literal';
import { hostPathVolume } from './host-path-volume';
import { hostPathWritable } from './host-path-writable';
import { imagePullPolicy } from './image-pull-policy';
import { objectField } from './object-field';
import { podFieldPath } from './pod-field-path';
import { podSpecField } from './pod-spec-field';
import { rbacBinding } from './rbac-binding';
import { rbacRule } from './rbac-rule';
import { secretManifest } from './secret-manifest';
import { securityContextField } from './security-context-field';

/** Sorted by id. */
export const KUBERNETES_TEMPLATES: readonly AnyTemplate[] = [
  approvedImage, // k8s-approved-image
  capabilitiesAdd, // k8s-capabilities-add
  capabilitiesDrop, // k8s-capabilities-drop
  configChecks, // k8s-config-checks
  configMapSecret, // k8s-configmap-secret
  containerImage, // k8s-container-image
  controlPlaneFlags, // k8s-control-plane-flags
  envSecretLiteral, // k8s-env-secret-literal
  hostPathVolume, // k8s-host-path-volume
  hostPathWritable, // k8s-host-path-writable
  imagePullPolicy, // k8s-image-pull-policy
  objectField, // k8s-object-field
  podFieldPath, // k8s-pod-field-path
  podSpecField, // k8s-pod-spec-field
  rbacBinding, // k8s-rbac-binding
  rbacRule, // k8s-rbac-rule
  secretManifest, // k8s-secret-manifest
  securityContextField, // k8s-security-context-field
];
