import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, detectLanguage, type Language } from '../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../server/src/node/rule-packs';

// The snippets are Bulwark's own advice; each must expand into a file the core rules have nothing to
// say about. The rule-count check keeps the test from passing just because a language has no rules.

interface SnippetFile {
  readonly file: string;
  readonly uri: string;
  readonly languageId: string;
  readonly language: Language;
}

const ROOT = path.join(__dirname, '..');
const SNIPPET_FILES: readonly SnippetFile[] = [
  { file: 'snippets/dockerfile.json', uri: 'file:///work/Dockerfile', languageId: 'dockerfile', language: 'dockerfile' },
  { file: 'snippets/kubernetes.json', uri: 'file:///work/deploy/deployment.yaml', languageId: 'yaml', language: 'kubernetes' },
];

/**
 * Expands a VS Code snippet body the way accepting every default does: placeholders become their
 * (possibly nested) defaults, choices their first option, bare tab stops nothing. Variables are not
 * used by Bulwark's snippets, so meeting one is an error rather than a guess.
 */
function expandSnippet(body: string): string {
  let out = '';
  let i = 0;
  const readUntilClose = (): string => {
    // Returns the raw inside of `${…}` starting at i (just after `${`), honouring nesting and escapes.
    let depth = 1;
    const start = i;
    while (i < body.length) {
      const c = body[i];
      if (c === '\\') i += 2;
      else if (c === '$' && body[i + 1] === '{') {
        depth++;
        i += 2;
      }
      else if (c === '}' && --depth === 0) return body.slice(start, i++);
      else i++;
    }
    throw new Error(`unterminated placeholder in snippet: ${body.slice(start - 2)}`);
  };
  while (i < body.length) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1])) {
      out += body[i + 1];
      i += 2;
    } else if (c === '$' && /\d/.test(body[i + 1] ?? '')) {
      i++;
      while (/\d/.test(body[i] ?? '')) i++;
    } else if (c === '$' && body[i + 1] === '{') {
      i += 2;
      const inner = readUntilClose();
      const placeholder = /^\d+:([\s\S]*)$/.exec(inner);
      const choice = /^\d+\|([^,|]*)[,|]/.exec(inner);
      if (placeholder) out += expandSnippet(placeholder[1]);
      else if (choice) out += choice[1];
      else if (!/^\d+$/.test(inner)) throw new Error(`snippet variable \${${inner}} is not supported by this test`);
    } else if (c === '$' && /[A-Za-z_]/.test(body[i + 1] ?? '')) {
      throw new Error(`snippet variable at "${body.slice(i, i + 20)}" is not supported by this test`);
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function readSnippets(file: string): [string, string][] {
  const parsed = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, { body: string | string[] }>;
  return Object.entries(parsed).map(([name, s]) => [name, expandSnippet(Array.isArray(s.body) ? s.body.join('\n') : s.body)]);
}

describe('snippets', () => {
  const { ruleSet, errors } = loadRuleSet([builtinPackRoot(ROOT)]);

  it('expands placeholders, choices, tab stops and escapes like accepting the defaults', () => {
    assert.equal(expandSnippet('FROM ${1:img}@${2:sha${3:256}}:x $0'), 'FROM img@sha256:x ');
    assert.equal(expandSnippet('a ${1|one,two|} $1 \\$HOME \\}'), 'a one  $HOME }');
    assert.throws(() => expandSnippet('${TM_FILENAME}'), /not supported/);
  });

  it('are contributed for the languages they are written for', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes?: { snippets?: { language: string; path: string }[] } };
    const contributed = pkg.contributes?.snippets ?? [];
    for (const { file, languageId } of SNIPPET_FILES) {
      assert.ok(contributed.some((s) => path.normalize(s.path) === path.normalize(file) && s.language === languageId), `${file} is not contributed for ${languageId}`);
    }
  });

  it('the core pack loads without errors', () => {
    assert.deepEqual(errors.map((e) => `${e.pack} ${e.file}: ${e.message}`), []);
  });

  for (const snippetFile of SNIPPET_FILES) {
    describe(snippetFile.file, () => {
      it(`the core pack has ${snippetFile.language} rules to check it against`, () => {
        const rules = ruleSet.rules.filter((r) => r.meta.language === snippetFile.language);
        assert.ok(rules.length > 0, `rules/core has no ${snippetFile.language} rules yet, so this snippet is checked against nothing`);
      });

      for (const [name, text] of readSnippets(snippetFile.file)) {
        it(`"${name}" expands to a ${snippetFile.language} file with no findings`, () => {
          const file = { uri: snippetFile.uri, languageId: snippetFile.languageId, text };
          assert.equal(detectLanguage(file), snippetFile.language);
          const result = analyze(file, ruleSet, { now: new Date('2025-01-01T00:00:00Z') });
          const lines = text.split('\n');
          const describe = (span: { start: number }): string => {
            const line = text.slice(0, span.start).split('\n').length;
            return `line ${line}: ${lines[line - 1]}`;
          };
          assert.deepEqual(result.findings.map((f) => `${f.ruleId} (${describe(f.span)}): ${f.message}`), []);
          assert.deepEqual(result.notices.map((n) => `${n.code}: ${n.message}`), []);
        });
      }
    });
  }
});
