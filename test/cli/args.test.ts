import * as assert from 'node:assert/strict';
import { parseCommand, parseSize } from '../../server/src/cli/args';
import { UsageError } from '../../server/src/cli/exit-codes';

describe('bulwark CLI: argument parsing', function () {
  it('parses a scan with every option', () => {
    const command = parseCommand(
      ['scan', 'a', 'b', '-f', 'sarif', '-o', 'out.sarif', '--rules', 'p1', '--rules', 'p2', '--no-builtin', '--severity-override', 'x-y=off', '--severity-override', 'z=critical', '--exclude', '**/t/**', '--fail-on', 'none', '--fix', '--max-file-size', '2m', '--pod-security-profile', 'baseline', '--no-color', '--allow-incomplete'],
      {},
    );
    assert.deepEqual(command, {
      kind: 'scan',
      options: {
        paths: ['a', 'b'],
        format: 'sarif',
        output: 'out.sarif',
        packs: ['p1', 'p2'],
        builtin: false,
        severityOverrides: new Map([
          ['x-y', 'off'],
          ['z', 'critical'],
        ]),
        exclude: ['**/t/**'],
        failOn: 'none',
        fix: 'write',
        maxFileSize: 2 * 1024 * 1024,
        podSecurityProfile: 'baseline',
        color: 'never',
        allowIncomplete: true,
        honorPeerSuppressions: false,
        offline: false,
        pinDigests: false,
      },
    });
  });

  it('defaults: path ., text, fail on high, 5 MiB, colour when a terminal allows it', () => {
    const command = parseCommand(['scan'], {});
    assert.equal(command.kind, 'scan');
    if (command.kind !== 'scan') return;
    assert.deepEqual([command.options.paths, command.options.format, command.options.failOn, command.options.maxFileSize, command.options.color, command.options.builtin], [
      ['.'],
      'text',
      'high',
      5 * 1024 * 1024,
      'auto',
      true,
    ]);
    const noColor = parseCommand(['scan'], { NO_COLOR: 'yes' });
    assert.equal(noColor.kind === 'scan' && noColor.options.color, 'never');
  });

  it('pod security profile: restricted by default, baseline on request, nothing else', () => {
    const profile = (argv: string[]) => {
      const command = parseCommand(['scan', ...argv], {});
      return command.kind === 'scan' ? command.options.podSecurityProfile : undefined;
    };
    assert.equal(profile([]), 'restricted');
    assert.equal(profile(['--pod-security-profile', 'baseline']), 'baseline');
    assert.throws(() => profile(['--pod-security-profile', 'privileged']), UsageError);
  });

  it('sizes: bytes and binary units; nothing else', () => {
    assert.equal(parseSize('1024'), 1024);
    assert.equal(parseSize('512k'), 512 * 1024);
    assert.equal(parseSize('5MiB'), 5 * 1024 * 1024);
    for (const bad of ['0', '-1', '1.5m', '5g', 'lots', '']) assert.throws(() => parseSize(bad), UsageError, bad);
  });
});
