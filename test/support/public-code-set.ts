import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

// The public-code set the secret rules' precision is checked on (test/corpus/secrets/README.md,
// "Precision on public code"): code nobody wrote for Bulwark, which a machine of this project's kind
// has or gets from its package managers, pinned by package versions so a finding list is comparable
// run to run. A unit is what one version pins: an npm package folder, or a whole Debian package's tree.

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const PUBLIC_CODE_DIR = path.join(REPO_ROOT, 'test', 'corpus', 'public-code');

/** One pinned piece of the set: its files are reported as `name/…`. */
export interface SetUnit {
  readonly part: string;
  /** The prefix of the unit's paths in reports: `node_modules/yaml`, `python3.11`. */
  readonly name: string;
  readonly root: string;
  /** `yaml@2.9.1`, or `libpython3.11-stdlib 3.11.2-6+deb12u6`: what pins its content. */
  readonly version: string;
}

export interface SetPart {
  readonly name: string;
  readonly describe: string;
  /** Its units on this machine, or why there are none. */
  readonly units: () => readonly SetUnit[] | { readonly absent: string };
}

/** The Debian package's installed version, or undefined. */
function debianVersion(pkg: string): string | undefined {
  try {
    const out = execFileSync('dpkg-query', ['-W', '-f=${db:Status-Abbrev}\t${Version}', pkg], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const [status, version] = out.split('\t');
    return status.startsWith('ii') && version ? version : undefined;
  } catch {
    return undefined;
  }
}

/** A whole folder pinned by the Debian packages that install its files. */
function debianPart(name: string, describe: string, packages: readonly string[], root: string): SetPart {
  return {
    name,
    describe,
    units: () => {
      const versions: string[] = [];
      for (const pkg of packages) {
        const version = debianVersion(pkg);
        if (!version) return { absent: `Debian package ${pkg} is not installed` };
        versions.push(`${pkg} ${version}`);
      }
      if (!fs.existsSync(root)) return { absent: `${root} does not exist` };
      return [{ part: name, name, root, version: versions.join(', ') }];
    },
  };
}

/**
 * Every package folder `npm ci` installed, nested ones too: the CLI's walk never enters a folder named
 * node_modules, so each package is a root of its own. Versions come from npm's record of what it
 * installed (node_modules/.package-lock.json), not from package-lock.json, which may be newer.
 */
function npmUnits(): readonly SetUnit[] | { readonly absent: string } {
  const modules = path.join(REPO_ROOT, 'node_modules');
  const record = path.join(modules, '.package-lock.json');
  if (!fs.existsSync(record)) return { absent: `${record} does not exist (run npm ci)` };
  const packages = (JSON.parse(fs.readFileSync(record, 'utf8')) as { packages?: Record<string, { version?: string; link?: boolean }> }).packages ?? {};
  const units: SetUnit[] = [];
  for (const [where, info] of Object.entries(packages)) {
    if (!where.startsWith('node_modules/') || info.link || !info.version) continue;
    const root = path.join(REPO_ROOT, where);
    if (fs.existsSync(root)) units.push({ part: 'node_modules', name: where, root, version: `${where.slice(where.lastIndexOf('node_modules/') + 13)}@${info.version}` });
  }
  return units.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const PYTHON_PACKAGES = ['libpython3.11-minimal', 'libpython3.11-stdlib', 'libpython3.11', 'libpython3.11-dev', 'python3.11', 'python3.11-venv', 'python3-distutils', 'python3-lib2to3'];

/** The parts, cheapest first. Python and Go as Debian installs them (python3.11 and golang-1.19-src). */
export const SET_PARTS: readonly SetPart[] = [
  // Every package that installs files under /usr/lib/python3.11 on this machine image, so the version pins the whole tree.
  debianPart('python3.11', "Python 3.11's standard library as Debian installs it (not pyenv's)", PYTHON_PACKAGES, '/usr/lib/python3.11'),
  { name: 'node_modules', describe: "the project's own npm packages after npm ci (pinned by package-lock.json)", units: npmUnits },
  debianPart('go1.19', "Go 1.19's standard library and tools, Debian's golang-1.19-src", ['golang-1.19-src'], '/usr/share/go-1.19/src'),
  debianPart('gcloud', 'the Google Cloud SDK, Debian package google-cloud-cli (not in CI: 1.9 GB)', ['google-cloud-cli'], '/usr/lib/google-cloud-sdk'),
];

/** The parts CI's test scans (test/corpus/public-code.test.ts): what fits its time. */
export const CI_PARTS: readonly string[] = ['python3.11', 'node_modules', 'go1.19'];

/** set.tsv: each unit's version when the reviewed list was made (`unit<TAB>version`). */
export function readRecordedVersions(file = path.join(PUBLIC_CODE_DIR, 'set.tsv')): Map<string, string> {
  const versions = new Map<string, string>();
  if (!fs.existsSync(file)) return versions;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [unit, version] = line.split('\t');
    versions.set(unit, version);
  }
  return versions;
}

export function formatRecordedVersions(units: readonly SetUnit[]): string {
  const header = '# unit\tversion: what the reviewed list (reviewed.tsv) was made on; written by npm run precision -- --record\n';
  return header + units.map((u) => `${u.name}\t${u.version}\n`).join('');
}
