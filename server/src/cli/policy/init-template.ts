// The source folder `bulwark policy init` writes: a small but complete bundle that passes
// `bulwark policy test` as created, so a champion starts from something that works.

export function initFiles(name: string): ReadonlyMap<string, string> {
  return new Map([
    [
      'policy.yaml',
      `# yaml-language-server: $schema=https://bulwark.dev/schemas/policy.schema.json
# The organisation's policy, applied on top of the built-in rules and the packs in packs/.
name: ${name}
version: 0.1.0
description: Example policy bundle; edit it, run "bulwark policy test .", then "bulwark policy build . -o ${name}.tar".
minEngineVersion: 0.1.0
rules:
  # Rules that never run under this policy.
  disabled: []
  # Severity per rule id (critical, high, medium, low, info).
  severity:
    docker-image-latest-tag: high
  # A bulwark-ignore comment on these is itself reported, and the finding stays.
  nonWaivable:
    - secret-private-key
    - secret-aws-access-key
suppressions:
  requireReason: true
  # Every bulwark-ignore needs until=YYYY-MM-DD at most this many days ahead.
  maxUntilDays: 90
`,
    ],
    [
      'approved-images.yaml',
      `# yaml-language-server: $schema=https://bulwark.dev/schemas/approved-images.schema.json
# The organisation's approved base images (see docs/policy.md).
registries:
  - registry.example.com
images:
  - name: docker.io/library/alpine
    tags: ["3.20*"]
replacements:
  - from: docker.io/library/node
    to: registry.example.com/base/node:20-slim
requireDigest: false
`,
    ],
    ['README.md', `# ${name}\n\nPolicy bundle source folder. Test with \`bulwark policy test .\`, build with \`bulwark policy build . -o ${name}.tar\`.\n`],
    ['packs/example/pack.yaml', `id: example\nversion: 0.1.0\ndescription: Example rules of the ${name} bundle.\n`],
    [
      'packs/example/dockerfile/example-run-netcat/rule.yaml',
      `id: example-run-netcat
title: netcat used in RUN
severity: medium
confidence: high
message: 'RUN uses {{command}}: raw network tools do not belong in build steps.'
description: >-
  netcat and telnet open arbitrary network connections; in a build step they usually mean a debugging
  leftover or a download that bypasses the package manager's verification.
remediation: Remove the command, or use the package manager or a pinned, verified download instead.
tags: [example]
match:
  template: dockerfile-run-command
  params:
    commands: [nc, netcat, ncat, telnet]
`,
    ],
    ['packs/example/dockerfile/example-run-netcat/README.md', '# example-run-netcat\n\nFlags `nc`, `netcat`, `ncat` and `telnet` run by a `RUN` step.\n'],
    [
      'packs/example/dockerfile/example-run-netcat/tests/netcat.dockerfile',
      `FROM alpine:3.20
# expect: example-run-netcat@5-7
RUN nc -z db 5432
# expect-not: example-run-netcat
RUN echo "nc is only mentioned here"
`,
    ],
  ]);
}
