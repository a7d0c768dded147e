import { DEFAULT_FAIL_ON } from './args';

// Help texts; docs/cli.md is the long form. Keep the two in step when a flag changes.

export const MAIN_HELP = `Usage: bulwark <command> [options]

Shift-left security checks for Dockerfiles, Kubernetes manifests and hardcoded secrets,
with the same engine and rules as the Bulwark editor extension.

Commands:
  scan [paths...]   scan files and folders (default: .) and report findings
  rules             list the rules that a scan would run
  test <pack...>    run a rule pack's annotated fixtures and .fixed goldens
  merge-sarif <file...>
                    merge the SARIF reports of "scan --shard i/n" jobs into one
  policy <command>  build, test and inspect policy bundles (bulwark policy --help)
  help [command]    show help for a command

Options:
  -h, --help        show help
  -v, --version     print the version

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or configuration error,
3 part of the input could not be read (unreadable files or folders; see --allow-incomplete).
Run "bulwark scan --help" for the scan options.
`;

export const SCAN_HELP = `Usage: bulwark scan [paths...] [options]

Scans files and folders (default: the current directory). Folders honour .gitignore and
.bulwarkignore files at any depth; .git and node_modules are never entered.

Output:
  -f, --format <text|json|sarif|codequality>
                                    report format (default: text); sarif is SARIF 2.1.0 for code
                                    scanning, codequality is GitLab Code Quality JSON
  -o, --output <file>               write the report to a file instead of stdout
      --no-color                    never colour text output (NO_COLOR is honoured too)

Outcome:
      --fail-on <level>             exit 1 when an unsuppressed finding is at or above this severity:
                                    critical, high, medium, low, info, or none to never fail (default: ${DEFAULT_FAIL_ON});
                                    a rule that failed on a file or a RUN too complex to read counts as high
      --allow-incomplete            do not exit 3 when files or folders could not be read (they are
                                    still reported as notices)
      --honor-peer-suppressions     also honour hadolint, checkov, kics and trivy suppression comments
                                    (# hadolint ignore=DL3008 …) for the rules that map to those checks

Rules:
      --rules <pack dir>            also load this rule pack (repeatable)
      --no-builtin                  do not load the built-in pack
      --severity-override <rule>=<level|off>
                                    change a rule's severity, or turn it off (repeatable); under a
                                    policy it may not weaken a non-waivable rule
      --policy <ref|file|dir>       apply a policy bundle: a registry reference (signed; needs
                                    --policy-key), an image-layout tar from "bulwark policy build",
                                    or a bundle source folder (docs/policy.md). Default:
                                    BULWARK_POLICY, else the digest in .bulwark/policy.lock
      --policy-key <file>           public key a registry bundle must be signed with
                                    (default: BULWARK_POLICY_KEY)
      --offline                     use the cached registry bundle only; never call the registry
      --approved-images <file>      judge images against this approved-images.yaml (docs/approved-images.md);
                                    refused when the policy bundle carries its own list

Files:
      --exclude <pattern>           skip paths matching this pattern, read as a line of a .gitignore
                                    in the current directory (repeatable; absolute paths work too):
                                    e.g. k8s, k8s/, '*.yaml', k8s/**, '**/testdata/**'
      --max-file-size <bytes>       skip larger files with a notice (default: 5m; units k, m accepted)
      --pod-security-profile <p>    baseline | restricted (default): the Pod Security Standards level checked
      --shard <i/n>                 scan only this job's share of the files (1 ≤ i ≤ n), for a CI matrix:
                                    files are split by a hash of their path, the same on every run;
                                    merge the SARIF reports with "bulwark merge-sarif"
  -j, --jobs <n>                    scan on n threads, this one and n-1 workers (default: every
                                    core, for a scan of more than a few MiB, on 3 or more cores;
                                    1: in one thread); the report is the same, byte for byte,
                                    whatever n.
                                    --fix, --fix-dry-run and --pin-digests scan in one thread

Fixing:
      --fix                         apply autofixes in place (never suggestions), re-scan until stable,
                                    then report what remains; keeps BOMs and line endings
      --fix-dry-run                 compute the same fixes and report what would remain, writing nothing
      --pin-digests                 with --fix: also pin every image (FROM, COPY --from, RUN --mount
                                    from, Kubernetes image:) to the digest its registry serves for the
                                    tag now (name:tag@sha256:…). Credentials from Docker's config.json;
                                    an image whose registry cannot be reached is left as it is, with a
                                    notice saying why. BULWARK_REGISTRY_CA_FILE: a private registry CA

Paths in reports are relative to the current directory (SARIF: %SRCROOT%).
`;

export const MERGE_SARIF_HELP = `Usage: bulwark merge-sarif <file.sarif...> [-o <file>]

Merges SARIF reports, such as those of "bulwark scan --shard i/n --format sarif" jobs, into one log
on stdout: runs of the same tool and policy become one run (rules united, results ordered by path),
which succeeded only if every input did.

Options:
  -o, --output <file>   write the merged log to a file instead of stdout
`;

export const RULES_HELP = `Usage: bulwark rules [options]

Lists the rules a scan would run: id, severity, language, pack and title.

Options:
  -f, --format <text|json>   output format (default: text)
      --rules <pack dir>     also load this rule pack (repeatable)
      --no-builtin           do not load the built-in pack
`;

export const TEST_HELP = `Usage: bulwark test <pack-folder...> [--rule ID]... [--update-goldens] [--now YYYY-MM-DD]

Runs every rule's annotated fixtures (rule folders' tests/) through the engine with only that rule
enabled: "# expect: <rule-id>@COL" (or @COL-ENDCOL, 1-based, end exclusive) above a line where exactly
that finding must start (list an id twice for two findings), "# expect-not: <rule-id>" where none may. For rules with a fix, applies it, compares with the <name>.fixed.<ext> golden, and checks the
finding is gone. --update-goldens rewrites the goldens: review the diff.

--rule ID (repeatable) runs only that rule's fixtures: bulwark test rules/core --rule docker-run-sudo.

Dates: a fixture's first line "# bulwark-test-now: YYYY-MM-DD" sets the date it is checked on; a
fixture with until= dates must have one (or it would fail once they pass), unless --now is given.
--now YYYY-MM-DD sets the date for the fixtures that declare none (default: today).

Exit codes: 0 all pass, 1 a fixture failed, 2 the pack is invalid.
`;
