import * as assert from 'node:assert/strict';
import { setting } from '../../../../server/src/engine/templates/dockerfile/setting';
import { MALFORMED, runnerFor, validateParams } from './helpers';

// dockerfile-setting: options of RUN commands, configuration commands and environment variables,
// with the exact text underlined and the exact text each fix leaves behind.

const PARAMS = {
  flags: [
    { commands: ['curl'], names: ['-k', '--insecure'], shortOptionsWithValue: 'oHd' },
    { commands: ['pip', 'python -m pip'], names: ['--trusted-host'], takesValue: true },
    { commands: ['git'], names: ['-c'], takesValue: true, valuePattern: '(?i)^http\\.sslverify=false$' },
    { commands: ['yum-config-manager'], names: ['--setopt'], takesValue: true, valuePattern: '(?i)sslverify=(0|false)$' },
    { commands: ['apt-get'], names: ['--force-yes'], replaceWith: '-y' },
    { commands: ['apk'], names: ['--allow-untrusted'], exceptSubcommands: ['index'] },
  ],
  configs: [{ commands: ['npm config set', 'npm set'], keyPattern: '^strict-ssl$', valuePattern: '^false$' }],
  variables: [
    { names: ['NODE_TLS_REJECT_UNAUTHORIZED'], valuePattern: '^0$' },
    { names: ['GIT_SSL_NO_VERIFY'] },
    { names: ['NPM_CONFIG_STRICT_SSL'], ignoreCase: true, valuePattern: '^false$' },
  ],
};

interface Case {
  readonly name: string;
  readonly run: string;
  readonly underlined: readonly string[];
  /** Expected text after the fixes; undefined: no fix offered. */
  readonly fixed?: string;
}

const cases: Case[] = [
  { name: 'an excepted subcommand', run: 'RUN apk index --allow-untrusted -o /i /p/*.apk', underlined: [] },
  { name: 'the option before another subcommand', run: 'RUN apk --allow-untrusted add /p/a.apk', underlined: ['--allow-untrusted'], fixed: 'RUN apk add /p/a.apk' },
  { name: 'short flag', run: 'RUN curl -k https://x', underlined: ['-k'], fixed: 'RUN curl https://x' },
  { name: 'letter inside combined short options', run: 'RUN curl -fsSLk https://x', underlined: ['k'], fixed: 'RUN curl -fsSL https://x' },
  { name: 'a value-taking option ends the cluster', run: 'RUN curl -ok https://x', underlined: [] },
  { name: 'the value of an option is not an option', run: 'RUN curl -H -k https://x', underlined: [] },
  { name: 'long flag at the end', run: 'RUN curl https://x --insecure', underlined: ['--insecure'], fixed: 'RUN curl https://x' },
  { name: 'flag alone on a continuation line', run: 'RUN curl \\\n    --insecure \\\n    https://x', underlined: ['--insecure'], fixed: 'RUN curl \\\n    https://x' },
  { name: 'flag alone on the last line', run: 'RUN curl https://x \\\n    -k\nUSER app', underlined: ['-k'], fixed: 'RUN curl https://x\nUSER app' },
  { name: 'flag on the last line after a comment line', run: 'RUN curl https://x \\\n# why\n    -k', underlined: ['-k'], fixed: 'RUN curl https://x\n# why' },
  { name: 'flag with a separate value', run: 'RUN pip install --trusted-host pypi.org flask', underlined: ['--trusted-host pypi.org'], fixed: 'RUN pip install flask' },
  { name: 'flag with an inline value, versioned program', run: 'RUN pip3.12 install --trusted-host=pypi.org flask', underlined: ['--trusted-host=pypi.org'], fixed: 'RUN pip3.12 install flask' },
  { name: 'program with fixed words', run: 'RUN python3 -m pip install --trusted-host h x', underlined: ['--trusted-host h'], fixed: 'RUN python3 -m pip install x' },
  { name: 'value pattern matches', run: 'RUN git -c http.sslVerify=false clone x', underlined: ['-c http.sslVerify=false'], fixed: 'RUN git clone x' },
  { name: 'value pattern does not match', run: 'RUN git -c core.autocrlf=false clone x', underlined: [] },
  { name: 'escaped and quoted values', run: `RUN yum-config-manager --setopt=\\*.sslverify=0 --setopt="a.sslverify"=false`, underlined: ['--setopt=\\*.sslverify=0', '--setopt="a.sslverify"=false'], fixed: 'RUN yum-config-manager' },
  { name: 'replacement unless already present', run: 'RUN apt-get install --force-yes a && apt-get -qy --force-yes install b', underlined: ['--force-yes', '--force-yes'], fixed: 'RUN apt-get install -y a && apt-get -qy install b' },
  { name: 'behind sudo and env', run: 'RUN sudo -E env A=1 curl -k x', underlined: ['-k'], fixed: 'RUN sudo -E env A=1 curl x' },
  { name: 'not an option of the command', run: 'RUN curl https://x | grep -k y; echo "--insecure"', underlined: [] },
  { name: 'after --', run: 'RUN curl -- -k', underlined: [] },
  { name: 'JSON form argv: reported without a fix', run: 'RUN ["curl", "-k", "x"]', underlined: ['"-k"'] },
  { name: 'JSON form sh -c string: fixed inside the string', run: 'RUN ["sh", "-c", "curl -k x | tar -x"]', underlined: ['-k'], fixed: 'RUN ["sh", "-c", "curl x | tar -x"]' },
  { name: 'heredoc body', run: 'RUN <<EOF\nset -e\ncurl -k x\nEOF', underlined: ['-k'], fixed: 'RUN <<EOF\nset -e\ncurl x\nEOF' },
  { name: 'word built from a variable: no fix', run: 'RUN curl -k$OPTS x', underlined: ['k'] },
  { name: 'config command joined by &&', run: 'RUN npm config set strict-ssl false && npm ci', underlined: ['strict-ssl false'], fixed: 'RUN npm ci' },
  { name: 'config command as key=value, last in the list', run: 'RUN npm ci; npm set "strict-ssl"=false', underlined: ['"strict-ssl"=false'], fixed: 'RUN npm ci' },
  { name: 'config command alone: the RUN goes', run: 'RUN npm config set strict-ssl false\nUSER app', underlined: ['strict-ssl false'], fixed: 'USER app' },
  { name: 'config command in a pipeline: no fix', run: 'RUN npm config set strict-ssl false | tee log', underlined: ['strict-ssl false'] },
  { name: 'config command inside if: no fix', run: 'RUN if true; then npm config set strict-ssl false; fi', underlined: ['strict-ssl false'] },
  { name: 'config with another value', run: 'RUN npm config set strict-ssl true && npm config get strict-ssl', underlined: [] },
  { name: 'ENV with one pair: the instruction goes', run: 'ENV NODE_TLS_REJECT_UNAUTHORIZED=0\nUSER app', underlined: ['NODE_TLS_REJECT_UNAUTHORIZED=0'], fixed: 'USER app' },
  { name: 'ENV legacy form', run: 'ENV GIT_SSL_NO_VERIFY 1\n', underlined: ['GIT_SSL_NO_VERIFY 1'], fixed: '' },
  { name: 'ENV pair among others', run: 'ENV A=1 GIT_SSL_NO_VERIFY=1 \\\n    B=2', underlined: ['GIT_SSL_NO_VERIFY=1'], fixed: 'ENV A=1 B=2' },
  { name: 'ENV last pair after a continuation', run: 'ENV A=1 \\\n    GIT_SSL_NO_VERIFY=1', underlined: ['GIT_SSL_NO_VERIFY=1'], fixed: 'ENV A=1' },
  { name: 'ARG default, quoted, any case of an npm variable', run: 'ARG npm_config_strict_ssl="false"\n', underlined: ['npm_config_strict_ssl="false"'], fixed: '' },
  { name: 'ARG without a value sets nothing', run: 'ARG GIT_SSL_NO_VERIFY', underlined: [] },
  { name: 'other values', run: 'ENV NODE_TLS_REJECT_UNAUTHORIZED=1 XGIT_SSL_NO_VERIFY=1', underlined: [] },
  { name: 'RUN prefix assignment', run: 'RUN A=1 NODE_TLS_REJECT_UNAUTHORIZED=0 node x', underlined: ['NODE_TLS_REJECT_UNAUTHORIZED=0'], fixed: 'RUN A=1 node x' },
  { name: 'RUN escaped quote in the value', run: 'RUN NODE_TLS_REJECT_UNAUTHORIZED="0\\"" node x', underlined: [] },
  { name: 'RUN export joined by &&', run: 'RUN export GIT_SSL_NO_VERIFY=1 && git clone x', underlined: ['GIT_SSL_NO_VERIFY=1'], fixed: 'RUN git clone x' },
  { name: 'RUN export after a continuation', run: 'RUN cd /src \\\n && export GIT_SSL_NO_VERIFY=true', underlined: ['GIT_SSL_NO_VERIFY=true'], fixed: 'RUN cd /src' },
  { name: 'RUN export of several names', run: 'RUN export A=1 GIT_SSL_NO_VERIFY=1 && git clone x', underlined: ['GIT_SSL_NO_VERIFY=1'], fixed: 'RUN export A=1 && git clone x' },
  { name: 'RUN env wrapper', run: 'RUN env GIT_SSL_NO_VERIFY=1 git clone x', underlined: ['GIT_SSL_NO_VERIFY=1'], fixed: 'RUN env git clone x' },
  { name: 'RUN plain assignment', run: 'RUN GIT_SSL_NO_VERIFY=1; git clone x', underlined: ['GIT_SSL_NO_VERIFY=1'], fixed: 'RUN git clone x' },
  { name: 'ONBUILD ENV', run: 'ONBUILD ENV NODE_TLS_REJECT_UNAUTHORIZED=0\n', underlined: ['NODE_TLS_REJECT_UNAUTHORIZED=0'], fixed: '' },
  { name: 'text written to a file', run: 'RUN echo "export GIT_SSL_NO_VERIFY=1" >> /etc/profile', underlined: [] },
  { name: 'CRLF', run: 'RUN curl \\\r\n    -k \\\r\n    x\r\nENV A=1 \\\r\n    GIT_SSL_NO_VERIFY=1\r\n', underlined: ['-k', 'GIT_SSL_NO_VERIFY=1'], fixed: 'RUN curl \\\r\n    x\r\nENV A=1\r\n' },
];

describe('template dockerfile-setting', () => {
  const run = runnerFor(setting, PARAMS);
  for (const c of cases) {
    it(c.name, () => {
      const text = `FROM alpine\n${c.run}`;
      const outcome = run(text);
      assert.deepEqual(outcome.underlined, c.underlined);
      const hasFix = outcome.reports.some((r) => (r.fixes ?? []).length > 0);
      if (c.fixed === undefined) assert.equal(hasFix, false, `unexpected fix: ${JSON.stringify(outcome.fixed)}`);
      else assert.equal(outcome.fixed, `FROM alpine\n${c.fixed}`);
    });
  }

  it('removes a build-time switch as an autofix, but one that stays in the image only as a suggestion', () => {
    const kinds = (run: string) => runnerFor(setting, PARAMS)(`FROM alpine\n${run}`).reports.map((r) => (r.fixes ?? []).map((f) => f.kind).join());
    // These change only how the build checks what it downloads: the image is the same, or the build fails.
    assert.deepEqual(kinds('RUN curl -k x && GIT_SSL_NO_VERIFY=1 git clone y'), ['autofix', 'autofix']);
    assert.deepEqual(kinds('ARG GIT_SSL_NO_VERIFY=1'), ['autofix']);
    // These stay in the image (its environment, a config file): the app's own TLS behaviour would change.
    assert.deepEqual(kinds('ENV NODE_TLS_REJECT_UNAUTHORIZED=0'), ['suggestion']);
    assert.deepEqual(kinds('ONBUILD ENV GIT_SSL_NO_VERIFY=1'), ['suggestion']);
    assert.deepEqual(kinds('RUN npm config set strict-ssl false && npm ci'), ['suggestion']);
  });

  it('reports command and setting for the message', () => {
    const [report] = run('FROM a\nRUN sudo curl -fsSLk x').reports;
    assert.deepEqual(report.data, { command: 'curl', setting: '-k' });
  });

  it('rejects params without any matcher and unknown fields', () => {
    assert.notDeepEqual(validateParams(setting, {}), []);
    assert.notDeepEqual(validateParams(setting, { flags: [{ commands: ['curl'], names: ['k'] }] }), []);
    assert.notDeepEqual(validateParams(setting, { variables: [{ names: ['A'], extra: 1 }] }), []);
  });

  it('rejects a value pattern that is not RE2', () => {
    assert.throws(() => runnerFor(setting, { variables: [{ names: ['A'], valuePattern: '(?=x)' }] }));
  });

  it('survives malformed Dockerfiles', () => {
    for (const text of MALFORMED) assert.doesNotThrow(() => run(text), JSON.stringify(text.slice(0, 40)));
  });
});
