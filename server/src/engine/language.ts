import { looksLikeKubernetes } from './parsers/kubernetes';
import type { Language, SourceFile } from './types';

// `Dockerfile.dockerignore` is BuildKit's per-Dockerfile ignore file, not a Dockerfile.
const DOCKERFILE_NAME = /^(?!.*\.dockerignore$)(?:(?:Dockerfile|Containerfile)(?:[._-][^/\\]*)?|.*\.(?:dockerfile|containerfile))$/is;
const YAML_NAME = /\.ya?ml$/i;
const JSON_NAME = /\.json$/i;

export function baseName(uri: string): string {
  const last = uri.split(/[\\/]/).pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** The kind of source a file's name says it is (a Dockerfile, YAML, JSON), without reading it. */
export function kindByName(uri: string): 'dockerfile' | 'yaml' | 'json' | undefined {
  const name = baseName(uri);
  if (DOCKERFILE_NAME.test(name)) return 'dockerfile';
  if (YAML_NAME.test(name)) return 'yaml';
  return JSON_NAME.test(name) ? 'json' : undefined;
}

/**
 * Dockerfile by language id or name; Kubernetes when a YAML document has apiVersion and kind, or a
 * JSON file is an object with both (kubectl applies JSON manifests too; JSON is YAML to our parser).
 */
export function detectLanguage(file: SourceFile): Language {
  const name = baseName(file.uri);
  if (file.languageId === 'dockerfile' || DOCKERFILE_NAME.test(name)) return 'dockerfile';
  const yamlLike = file.languageId === 'yaml' || file.languageId === 'helm' || YAML_NAME.test(name);
  if (yamlLike && looksLikeKubernetes(file.text)) return 'kubernetes';
  const jsonLike = file.languageId === 'json' || JSON_NAME.test(name);
  if (jsonLike && /^\s*\{/.test(file.text) && /"apiVersion"\s*:/.test(file.text) && /"kind"\s*:/.test(file.text)) return 'kubernetes';
  return 'text';
}
