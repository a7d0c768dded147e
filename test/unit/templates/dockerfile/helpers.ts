import Ajv from 'ajv';
import { fixUntilStable } from '../../../../server/src/engine/fix-loop';
import { SafeRegex } from '../../../../server/src/engine/safe-regex';
import { parseDockerfile } from '../../../../server/src/engine/parsers/dockerfile';
import type { AnyTemplate } from '../../../../server/src/engine/templates/template';
import type { Check, Report } from '../../../../server/src/engine/types';

// Runs one Dockerfile template directly (no pack, no analyze) so each case shows exactly what the
// template reports: the underlined text, the message data and what its first fix produces.

export interface Outcome {
  readonly reports: readonly Report[];
  /** The text under each report's span, in report order. */
  readonly underlined: readonly string[];
  /** The text after applying each report's first fix, pass after pass until nothing changes. */
  readonly fixed: string;
}

/** Validates the params once and returns a function that runs the template over a Dockerfile. */
export function runnerFor(template: AnyTemplate, params: unknown): (text: string) => Outcome {
  const problems = validateParams(template, params);
  if (problems.length > 0) throw new Error(`invalid params for ${template.id}: ${problems.join('; ')}`);
  const check = template.instantiate(params as never, (source, caseInsensitive) => new SafeRegex(source, caseInsensitive)) as Check<ReturnType<typeof parseDockerfile>>;
  const reportsOf = (source: string): Report[] => {
    const reports: Report[] = [];
    check(parseDockerfile(source), { report: (r) => reports.push(r), now: new Date('2026-06-01T00:00:00Z') });
    return reports;
  };
  return (text) => {
    const reports = reportsOf(text);
    // The engine's fix loop, as the fixture harness runs it: overlapping fixes wait for the next pass.
    const fixed = fixUntilStable(text, reportsOf, (found) => found.flatMap((r) => (r.fixes ?? []).slice(0, 1))).text;
    return { reports, underlined: reports.map((r) => text.slice(r.span.start, r.span.end)), fixed };
  };
}

export function validateParams(template: AnyTemplate, params: unknown): string[] {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(template.paramsSchema);
  return validate(params) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** Dockerfiles no template may throw on; every one must still produce in-range spans. */
export const MALFORMED: readonly string[] = [
  '',
  '\n\n',
  'RUN curl -k x',
  'FROM',
  'FROM \\',
  'FROM alpine\nRUN',
  'FROM alpine\nRUN \\',
  'FROM alpine\nRUN \\\n',
  'FROM alpine\nRUN echo "unterminated',
  "FROM alpine\nRUN echo 'unterminated | sh",
  'FROM alpine\nRUN echo $(curl x | sh',
  'FROM alpine\nRUN echo `curl x | sh',
  'FROM alpine\nRUN echo ${X',
  'FROM alpine\nRUN case x in a) echo',
  'FROM alpine\nRUN fi; done; esac; ) ) }',
  'FROM alpine\nRUN ((( $((( ',
  'FROM alpine\nRUN ["sh", "-c", "curl x | sh"',
  'FROM alpine\nRUN ["sh", "-c", "\\u12"]',
  'FROM alpine\nRUN [',
  'FROM alpine\nRUN <<EOF\ncurl x | sh\n',
  'FROM alpine\nRUN <<\n',
  'FROM alpine\nRUN cat <<EOF > /x && curl -k y\nbody\n',
  'FROM alpine\nENV',
  'FROM alpine\nENV =x',
  'FROM alpine\nARG =',
  'FROM alpine\nENV A="unterminated',
  'FROM alpine\nUSER',
  'FROM alpine\nUSER ${',
  'FROM alpine\nADD',
  'FROM alpine\nADD ["a"',
  'FROM alpine\nONBUILD',
  'FROM alpine\nONBUILD RUN',
  'FROM alpine\nONBUILD ONBUILD RUN curl -k x',
  'FROM a AS b\nFROM b AS a\nFROM a',
  '# escape=`\nFROM alpine\nRUN echo `',
  '# escape=\\\nFROM alpine\r\nRUN curl -k \\\r\n',
  'FROM alpine\nRUN sudo',
  'FROM alpine\nRUN env -u',
  'FROM alpine\nRUN sh -c',
  'FROM alpine\nRUN curl -k x | sudo -u',
  'FROM alpine\nRUN \u0000\u0001 curl -k x',
  'FROM alpine\nRUN ' + 'a && '.repeat(2000) + 'curl -k x',
  'FROM alpine\nRUN ' + '$('.repeat(200) + 'curl x' + ')'.repeat(200),
];
