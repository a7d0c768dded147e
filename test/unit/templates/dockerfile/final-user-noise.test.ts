import * as assert from 'node:assert/strict';
import { analyze, onlyRules, type Finding } from '../../../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../../../server/src/node/rule-packs';

// docker-user-missing as the core pack configures it (rule.yaml's regexes included): images that drop
// root themselves are quiet, images made to be built on are low, Windows images are named for what
// they are, and an application image that never sets a user is still a medium finding.

const rules = onlyRules(loadRuleSet([builtinPackRoot()]).ruleSet, new Set(['docker-user-missing']));
function run(text: string, uri = 'app/Dockerfile'): Finding[] {
  return [...analyze({ uri, text }, rules, { now: new Date('2026-06-01T00:00:00Z') }).findings];
}

describe('docker-user-missing on real-world shapes', () => {
  it('an application image that never switches user is medium, whatever it installs', () => {
    const [f, ...rest] = run('FROM python:3.12-slim\nRUN useradd app && pip install flask\nCOPY . /app\nCMD ["python", "/app/main.py"]\n');
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'medium');
    assert.equal(f.message, 'The final image (from "python:3.12-slim") sets no USER, so it runs as the base image\'s user: root for most images.');
  });

  it('drops root itself: gosu, su-exec, setpriv, chroot --userspec, in a RUN, COPY or ENTRYPOINT of the final chain', () => {
    const quiet = [
      'FROM debian:12\nRUN apt-get install -y gosu\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["postgres"]\n',
      'FROM debian:12\nRUN wget -O /usr/local/bin/gosu "https://x/gosu-$dpkgArch"\nCMD ["mongod"]\n',
      'FROM tianon/gosu AS gosu\nFROM debian:12\nCOPY --from=gosu /gosu /usr/local/bin/\nCMD ["redis-server"]\n',
      'FROM alpine:3.20\nRUN apk add su-exec\nCMD su-exec redis redis-server\n',
      'FROM debian:12\nENTRYPOINT ["setpriv", "--reuid=10001", "--regid=10001", "--init-groups", "/app"]\n',
      'FROM debian:12\nCMD chroot --userspec=app:app / /app\n',
      'FROM debian:12 AS base\nRUN apt-get install -y gosu\nFROM base\nCMD ["server"]\n',
    ];
    for (const text of quiet) assert.deepEqual(run(text).map((f) => f.ruleId), [], text);
    // A word that only looks like one, or a tool in a stage the image is not built from, is no evidence.
    assert.equal(run('FROM debian:12\nRUN apt-get install -y gosuvim\nCMD ["server"]\n').length, 1);
    assert.equal(run('FROM debian:12 AS tools\nRUN apt-get install -y gosu\nFROM debian:12\nCMD ["server"]\n').length, 1);
  });

  it('images made for others to build on are low: no command of their own, or a shell/REPL behind at most a wrapper entrypoint', () => {
    const severity = (text: string) => run(text).map((f) => f.severity).join();
    assert.equal(severity('FROM buildpack-deps:bookworm\nRUN apt-get install -y python3\nCMD ["python3"]\n'), 'low');
    assert.equal(severity('FROM debian:12\nENTRYPOINT ["docker-php-entrypoint"]\nCMD ["php", "-a"]\n'), 'low');
    assert.equal(severity('FROM debian:12\nRUN apt-get install -y openjdk-21-jdk\n'), 'low');
    assert.equal(severity('FROM debian:12\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["php-fpm"]\n'), 'medium');
    assert.equal(severity('FROM debian:12\nENTRYPOINT ["/app/server"]\nCMD ["bash"]\n'), 'medium');
  });

  it('names ContainerAdministrator, not root, on Windows images, and suggests ContainerUser', () => {
    for (const text of ['FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["app.exe"]\n', 'FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2022\nCMD ["w3svc"]\n', 'FROM corp/base:1\nSHELL ["powershell", "-Command"]\nCMD ["app.exe"]\n']) {
      const [f] = run(text);
      assert.match(f.message, /runs as the base image's user: ContainerAdministrator, the administrator of Windows images\.$/, text);
      assert.doesNotMatch(f.message, /root/);
      assert.match(f.fixes[0].title, /USER ContainerUser/);
    }
  });

  it('skips dev containers (their user is chosen in devcontainer.json), wherever the workspace is', () => {
    const text = 'FROM mcr.microsoft.com/devcontainers/base:bookworm\nRUN apt-get install -y git\n';
    assert.deepEqual(run(text, '/home/me/repo/.devcontainer/Dockerfile'), []);
    assert.deepEqual(run(text, 'C:\\repo\\.devcontainer\\Dockerfile'), []);
    assert.equal(run(text, '/home/me/repo/devcontainer/Dockerfile').length, 1);
  });
});
