import * as assert from 'node:assert/strict';
import { analyze, DocumentParseCache, type Finding } from '../../../server/src/engine';
import { parseDockerfile } from '../../../server/src/engine/parsers/dockerfile';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';

// RUN scripts are cached by instruction text across analyses of one file and moved to where the
// instruction now is. A cached analysis must be indistinguishable from a fresh one.

const { ruleSet } = loadRuleSet([builtinPackRoot()]);
const NOW = new Date('2026-06-01T00:00:00Z');

const BASE = [
  'FROM alpine:3.20',
  'RUN apk add --no-cache curl \\',
  '    && curl -k https://example.com/install.sh | sh',
  'RUN <<EOF',
  'sudo apt-get install -y --allow-unauthenticated x',
  'echo "$(wget --no-check-certificate -qO- https://example.com/a)"',
  'EOF',
  'RUN ["sh", "-c", "curl --insecure https://example.com/b | bash"]',
  'USER 10001',
  '',
].join('\n');

const view = (findings: readonly Finding[]) => findings.map((f) => [f.ruleId, f.span.start, f.span.end, f.message, f.fixes.map((x) => JSON.stringify(x.edits))]);

describe('RUN script cache', () => {
  it('gives the same findings and fixes as a fresh analysis after edits before, inside and after RUNs', () => {
    const cache = new DocumentParseCache();
    const edits = [BASE, `# a comment\n${BASE}`, BASE.replace('FROM alpine:3.20', 'FROM alpine:3.21 AS runtime'), BASE.replace('curl -k', 'curl -k -s'), `${BASE}LABEL x=y\n`, BASE];
    for (const text of edits) {
      const cached = analyze({ uri: 'file:///w/Dockerfile', text }, ruleSet, { now: NOW, cache });
      const fresh = analyze({ uri: 'file:///w/Dockerfile', text }, ruleSet, { now: NOW });
      assert.ok(fresh.findings.length >= 4, 'the fixture exercises RUN rules');
      assert.deepEqual(view(cached.findings), view(fresh.findings));
    }
  });

  it('re-reads nothing for an unchanged RUN and moves every offset of a shifted one', () => {
    const cache = new DocumentParseCache();
    const first = parseDockerfile(BASE, cache).runScripts();
    assert.equal(parseDockerfile(BASE, cache).runScripts()[0].commands, first[0].commands, 'same place: the cached commands themselves');
    const shifted = parseDockerfile(`#x\n${BASE}`, cache).runScripts();
    const fresh = parseDockerfile(`#x\n${BASE}`).runScripts();
    assert.deepEqual(shifted.map((s) => [s.form, s.span, s.commands]), fresh.map((s) => [s.form, s.span, s.commands]));
  });

  it('keys on the escape character too', () => {
    const cache = new DocumentParseCache();
    const run = 'RUN echo a `\n    && curl -k https://example.com/x | sh\n';
    const backslash = parseDockerfile(`FROM alpine\n${run}`, cache).runScripts();
    const backtick = parseDockerfile(`# escape=\`\nFROM alpine\n${run}`, cache).runScripts();
    assert.notDeepEqual(backtick[0].commands.map((c) => c.words.map((w) => w.value)), backslash[0].commands.map((c) => c.words.map((w) => w.value)));
    assert.deepEqual(backtick.map((s) => s.commands), parseDockerfile(`# escape=\`\nFROM alpine\n${run}`).runScripts().map((s) => s.commands));
  });
});
