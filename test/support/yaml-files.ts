import * as fs from 'node:fs';
import * as path from 'node:path';
import { splitDocuments } from '../../server/src/engine/parsers/kubernetes';
import { SHARED } from './shared-folder';

/** Every YAML file below `dir` (none when it is absent), without the rules' `.fixed.` fixtures. */
export function yamlFiles(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yamlFiles(file, out);
    else if (/\.ya?ml$/.test(entry.name) && !entry.name.includes('.fixed.')) out.push(file);
  }
  return out;
}

/** Each `---` section of each Kubernetes rule fixture, with its file (relative to the working folder). */
export function kubernetesFixtureSections(): { readonly file: string; readonly text: string }[] {
  const root = path.resolve(__dirname, '../../rules/core/kubernetes');
  return yamlFiles(root).flatMap((file) => splitDocuments(fs.readFileSync(file, 'utf8')).map(({ text }) => ({ file: path.relative(process.cwd(), file), text })));
}

/**
 * The sections under 16 KB of every 40th real-world manifest (of ~3,800, in path order), with the file
 * relative to the corpus; undefined, with the reason printed, when ../shared is absent.
 */
export function realworldManifestSections(): { readonly file: string; readonly text: string }[] | undefined {
  const dir = path.join(SHARED, 'corpora/realworld/k8s');
  if (!fs.existsSync(dir)) {
    console.log(`      skipped: the real-world corpus is absent (${dir})`);
    return undefined;
  }
  const files = yamlFiles(dir).sort().filter((_, i) => i % 40 === 0);
  return files.flatMap((file) => splitDocuments(fs.readFileSync(file, 'utf8')).flatMap(({ text }) => (text.length < 16_000 ? [{ file: path.relative(dir, file), text }] : [])));
}
