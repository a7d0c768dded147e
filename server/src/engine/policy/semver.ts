// Just enough semver for "this bundle needs Bulwark ≥ x.y.z": numeric major.minor.patch, and a
// pre-release sorts before its release (1.2.0-rc.1 < 1.2.0). Build metadata is ignored.

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function compareVersions(a: string, b: string): number | undefined {
  const x = SEMVER.exec(a);
  const y = SEMVER.exec(b);
  if (!x || !y) return undefined;
  for (let i = 1; i <= 3; i++) {
    const d = Number(x[i]) - Number(y[i]);
    if (d !== 0) return Math.sign(d);
  }
  if (x[4] === y[4]) return 0;
  if (x[4] === undefined) return 1;
  if (y[4] === undefined) return -1;
  return x[4] < y[4] ? -1 : 1;
}

/** The refusal message when `engineVersion` is older than `minimum`; undefined when it may run. */
export function engineTooOld(minimum: string | undefined, engineVersion: string, what: string): string | undefined {
  if (minimum === undefined) return undefined;
  const order = compareVersions(engineVersion, minimum);
  if (order === undefined) return `${what} names an invalid minimum engine version "${minimum}"`;
  if (order >= 0) return undefined;
  return `${what} needs Bulwark ${minimum} or newer, and this is ${engineVersion}: upgrade the Bulwark extension / CLI (npm i -g bulwark@^${minimum}) to apply it`;
}
