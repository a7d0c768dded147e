import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { END_MARKER, START_MARKER, readmeTable, replaceBetweenMarkers, updateReadme } from './readme-table';
import type { BenchResult, LatencyEntry } from './results';

// The README's Speed figures are generated from a bench run's JSON: this checks the formatting of a
// given JSON (nothing here is timed).

function entry(server: string, mode: 'pull' | 'push', p50: number, p99: number, extra: Partial<LatencyEntry> = {}): LatencyEntry {
  return {
    server,
    file: 'argo-cd',
    mode,
    typing: 'space',
    samples: [],
    summary: { n: 120, p50, p95: p50 + 1, p99, max: p99 + 2 },
    byPlace: {},
    goals: [],
    note: server === 'Bulwark' ? 'every built-in rule on' : 'YAML syntax only',
    initializeMs: 100,
    startupMs: 812.4,
    cpuMsPerKeystroke: 30,
    rssMiB: 120,
    peakRssMiB: 143.6,
    truncated: false,
    ...extra,
  };
}

const RESULT: BenchResult = {
  version: 2,
  startedAt: '2026-12-06T12:00:00.000Z',
  finishedAt: '2026-12-06T12:04:00.000Z',
  machine: { nproc: 2, cpuModel: 'AMD EPYC', node: 'v20.20.2', loadavg: [0.12, 0.3, 0.5], platform: 'Linux' },
  options: { edits: 120, runs: 3, budgetSeconds: 60, pauseMs: 30 },
  narrowed: [],
  files: [{ id: 'argo-cd', label: 'argo-cd install.yaml', bytes: 1_941_627, lines: 34_416, goalSource: 'issue 7' }],
  latency: [
    entry('Bulwark', 'pull', 61, 84, {
      goals: [
        { percentile: 'p50', ms: 25, measured: 61, met: false },
        { percentile: 'p99', ms: 50, measured: 84, met: false },
      ],
    }),
    entry('Bulwark', 'push', 20, 30, { goals: [{ percentile: 'p50', ms: 45, measured: 20, met: true }] }),
    entry('yaml-language-server', 'push', 718, 823),
    entry('Bulwark', 'pull', 70, 90, { typing: 'word', goals: [{ percentile: 'p50', ms: 25, measured: 70, met: false }] }),
    entry('Bulwark', 'push', 40, 60, { typing: 'word', startupMs: 900 }),
    entry('yaml-language-server', 'push', 720, 830, { typing: 'word' }),
  ],
  throughput: {
    trees: [{ name: 'mixed ~20 MiB tree', dir: '/tmp/x', files: 1655, bytes: 20 * 1024 * 1024 }],
    runs: [{ tool: 'secretlint (preset-recommend)', tree: 'mixed ~20 MiB tree', wallSeconds: 5, cpuSeconds: 4, walls: [5], cpus: [4], exitCodes: [0] }],
  },
  cliStartup: { cliWallMs: 180.4, cliCpuMs: 200, nodeWallMs: 40.2, nodeCpuMs: 30 },
  rssGoalMiB: 150,
};

describe('bench README table', function () {
  const lines = readmeTable(RESULT).split('\n');

  it('states the machine and its load at the start', function () {
    assert.equal(lines[0], 'Figures from one `npm run bench` run on 2026-12-06: AMD EPYC, 2 CPUs, node v20.20.2, load average 0.12 / 0.3 / 0.5 (1 / 5 / 15 min) at the start. Made by `npm run bench -- --readme` from the run\'s JSON, never edited by hand.');
  });

  it('puts pull, push, the peer and every goal with its verdict on a row per typing, the file named once', function () {
    const header = lines.indexOf('| file | typing | Bulwark pull p50 / p95 / p99 / max | Bulwark push p50 / p99 | peer (push) p50 / p99 | goal |');
    assert.ok(header > 0, lines.join('\n'));
    assert.deepEqual(lines.slice(header + 2, header + 4), [
      '| argo-cd install.yaml (1.9 MB, 34,416 lines) | space | 61.0 / 62.0 / 84.0 / 86.0 ms | 20.0 / 30.0 ms | yaml-language-server 718.0 / 823.0 ms (35.9× Bulwark push p50) | pull p50 ≤ 25 ms (missed), pull p99 ≤ 50 ms (missed), push p50 ≤ 45 ms (met) |',
      '|  | word | 70.0 / 71.0 / 90.0 / 92.0 ms | 40.0 / 60.0 ms | yaml-language-server 720.0 / 830.0 ms (18.0× Bulwark push p50) | pull p50 ≤ 25 ms (missed) |',
    ]);
    assert.equal(lines[header + 4], '');
  });

  it('says what each typing is and how many keystrokes a point takes', function () {
    const prose = lines.find((l) => l.startsWith('Keystroke → diagnostics')) ?? '';
    assert.match(prose, /120 keystrokes per file and typing .*, each typed 30 ms after the previous answer/);
    assert.match(prose, /\*space\* is a space typed at the end of a line and deleted \(2 keystrokes per point/);
    assert.match(prose, /\*word\* is `dev` typed one character at a time at the end of a value .* \(6 keystrokes per point, each one measured\)/);
  });

  it('says a run made before the bench paused between keystrokes typed back to back', function () {
    const older = readmeTable({ ...RESULT, options: { edits: 120, runs: 3, budgetSeconds: 60 } }).split('\n');
    const prose = older.find((l) => l.startsWith('Keystroke → diagnostics')) ?? '';
    assert.match(prose, /each typed as soon as the previous answer came\./);
  });

  it('gives the peak RSS against its goal, the startup, and the peer notes', function () {
    assert.ok(lines.includes('Bulwark server peak RSS with argo-cd install.yaml open and edited: 144 MiB (goal ≤ 150 MiB). Startup, process start → first diagnostics: Bulwark 812 ms (argo-cd), yaml-language-server 812 ms (argo-cd).'), lines.join('\n'));
    assert.ok(lines.includes('yaml-language-server: YAML syntax only.'));
  });

  it('gives throughput per wall and per CPU second, and the CLI startup beside bare node', function () {
    assert.ok(lines.includes('| mixed ~20 MiB tree (1,655 files, 20.0 MiB) | secretlint (preset-recommend) | 331 | 4.00 | 5.00 | 0.80 |'), lines.join('\n'));
    assert.equal(lines[lines.length - 1], 'CLI startup (a scan of a one-line Dockerfile): 180 ms wall, 200 ms CPU; `node -e 0` alone takes 40 ms.');
  });

  it('replaces only the text between the markers', function () {
    const readme = `# X\n\n## Speed\nintro\n${START_MARKER}\nold table\n${END_MARKER}\n\nafter\n`;
    assert.equal(replaceBetweenMarkers(readme, 'new'), `# X\n\n## Speed\nintro\n${START_MARKER}\nnew\n${END_MARKER}\n\nafter\n`);
    assert.throws(() => replaceBetweenMarkers('# no markers\n', 'new'), /bench:start/);
  });
});

describe('bench README update', function () {
  it('refuses a narrowed run and leaves the README as it was', function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-readme-'));
    const readme = path.join(dir, 'README.md');
    const before = `${START_MARKER}\nold\n${END_MARKER}\n`;
    fs.writeFileSync(readme, before);
    try {
      assert.match(updateReadme(readme, { ...RESULT, narrowed: ['--peers off'] }), /not updated: this run was narrowed \(--peers off\)/);
      assert.equal(fs.readFileSync(readme, 'utf8'), before);
      updateReadme(readme, RESULT);
      assert.equal(fs.readFileSync(readme, 'utf8'), `${START_MARKER}\n${readmeTable(RESULT)}\n${END_MARKER}\n`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
