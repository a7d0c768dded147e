import * as assert from 'node:assert/strict';
import { ensureCliBuilt, parseJson, removeDir, runCli } from './cli-harness';
import { tempDir } from './in-process';

// A privileged container's one finding carries what it implies (escalation, capabilities) as related
// information in the JSON and text outputs: the weaker findings are grouped under it, not lost.

const MANIFEST = [
  'apiVersion: apps/v1', 'kind: DaemonSet', 'metadata: {name: agent}', 'spec:', '  template:', '    spec:', '      containers:',
  '        - name: agent', '          image: agent:1.0', '          securityContext:', '            privileged: true', '            capabilities: {add: [NET_ADMIN]}', '',
].join('\n');

describe('bulwark scan: what a privileged container implies', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    ensureCliBuilt();
    dir = tempDir({ 'agent.yaml': MANIFEST });
  });
  after(() => removeDir(dir));

  it('lists the implied findings as related locations of the privileged one, and not as findings of their own', () => {
    type Json = { findings: { ruleId: string; startLine: number; related?: { path: string; startLine: number; startColumn: number; message: string }[] }[] };
    const findings = (parseJson(runCli(['scan', '.', '--format', 'json', '--fail-on', 'none'], { cwd: dir }).stdout) as Json).findings;
    const ids = findings.map((f) => f.ruleId);
    for (const implied of ['k8s-allow-privilege-escalation', 'k8s-seccomp-profile', 'k8s-capabilities-added', 'k8s-capabilities-added-restricted', 'k8s-capabilities-drop-all-missing']) assert.ok(!ids.includes(implied), implied);
    const privileged = findings.filter((f) => f.ruleId === 'k8s-privileged-container');
    assert.deepEqual(privileged.map((f) => f.startLine), [11]);
    assert.deepEqual(privileged[0].related?.map((r) => [r.path, r.startLine, r.startColumn, r.message.split(':')[0]]), [
      ['agent.yaml', 10, 11, 'Implied as well (k8s-allow-privilege-escalation)'],
      ['agent.yaml', 10, 11, 'Implied as well (k8s-seccomp-profile)'],
      ['agent.yaml', 12, 13, 'Implied as well (k8s-capabilities-drop-all-missing)'],
      ['agent.yaml', 12, 34, 'Implied as well (k8s-capabilities-added)'],
    ]);
    const text = runCli(['scan', '.', '--fail-on', 'none'], { cwd: dir }).stdout;
    assert.match(text, /agent\.yaml:11:\d+: \w+ k8s-privileged-container .*\n {2}related agent\.yaml:10:11: Implied as well \(k8s-allow-privilege-escalation\)/);
  });
});
