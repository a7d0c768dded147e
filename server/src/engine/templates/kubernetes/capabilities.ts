import { isScalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { securityContextOf, type ContainerRef } from '../../parsers/kubernetes-workloads';
import { asMap, asSeq, getIn, scalarText } from '../../parsers/yaml-nodes';

// Reading `securityContext.capabilities` of a container, shared by the add and drop templates.

export interface CapabilitiesRef {
  readonly securityContext?: YAMLMap;
  readonly capabilities?: YAMLMap;
  readonly add?: YAMLSeq;
  readonly drop?: YAMLSeq;
}

export function capabilitiesOf(container: ContainerRef): CapabilitiesRef {
  const doc = container.pod.doc;
  const securityContext = securityContextOf(doc, container.node);
  const capabilities = asMap(doc, getIn(doc, securityContext, ['capabilities']));
  return {
    securityContext,
    capabilities,
    add: asSeq(doc, getIn(doc, capabilities, ['add'])),
    drop: asSeq(doc, getIn(doc, capabilities, ['drop'])),
  };
}

/** The items of a capability list as written (PSS compares them exactly: `CAP_CHOWN` is not `CHOWN`). */
export function capabilityNames(seq: YAMLSeq | undefined): { name: string; index: number }[] {
  const out: { name: string; index: number }[] = [];
  seq?.items.forEach((item, index) => {
    if (isScalar(item) && item.value !== null && item.value !== undefined) out.push({ name: scalarText(item.value), index });
  });
  return out;
}

/** `cap_sys_admin` and `SYS_ADMIN` name the same capability for a container runtime. */
export function canonicalCapability(name: string): string {
  return name.toUpperCase().replace(/^CAP_/, '');
}

