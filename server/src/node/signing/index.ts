// cosign-compatible, key-based signatures for OCI artifacts (docs/policy.md, "Signatures").
export { SigningError, type SigningErrorCode } from './errors';
export {
  COSIGN_PRIVATE_KEY_LABEL,
  SIGSTORE_PRIVATE_KEY_LABEL,
  PUBLIC_KEY_LABEL,
  SCRYPT_PARAMS,
  generateCosignKeyPair,
  encryptPrivateKey,
  decryptPrivateKey,
  parsePublicKey,
  publicKeyPem,
  type CosignKeyPair,
} from './keys';
export { SIMPLE_SIGNING_MEDIA_TYPE, COSIGN_SIGNATURE_TYPE, buildPayload, parsePayload, type SimpleSigningPayload, type PayloadParse } from './payload';
export { signPayload, verifyPayload, decodeSignatureAnnotation } from './ecdsa';
export {
  COSIGN_SIGNATURE_ANNOTATION,
  signatureTag,
  signatureLayer,
  buildSignatureManifest,
  parseSignatureManifest,
  type LayerDescriptor,
  type SignatureLayer,
  type SignatureManifest,
} from './signature-manifest';
export { signArtifact, type SignResult } from './sign-artifact';
export { verifyArtifact, checkSimpleSigning, MAX_PAYLOAD_BYTES, type SignatureCheck, type VerifyOptions, type VerifyResult, type VerifyFailure, type AcceptedSignature, type RejectedSignature } from './verify-artifact';
