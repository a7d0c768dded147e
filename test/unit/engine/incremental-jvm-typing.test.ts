import * as assert from 'node:assert/strict';
import { analyze, type RuleSet } from '../../../server/src/engine';
import { parseText } from '../../../server/src/engine/parsers/text';
import { FileWindows, WINDOWED_MIN_LENGTH } from '../../../server/src/engine/text-windows';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';
import { SectionParseCache } from '../../../server/src/lsp/section-parse-cache';
import { jvmLanguageText } from '../../bench/generate-jvm';
import { ANALYSIS_NOW } from '../../support/open-dockerfile';
import { TypedDocument } from '../../support/typed-document';

// A large C#, Java or Kotlin file is read in windows in the editor, and the constructions of a secret-named
// constructor parameter by the generic rule's whole-file step, for the hits its windows mark
// (construction-step.ts); C#'s `using System;` is a fact every window reads. After every keystroke the
// cached analysis must equal a fresh whole-file one: inside a secret literal, inside a construction's
// arguments, inside a declaration's parameter, at chunk cuts, Enter and Backspace, a pasted construction
// line, and in C# the `using System;` line cut and pasted back.

const LANGUAGES = [
  { language: 'java', uri: 'file:///work/src/Big.java', construction: /\bnew [A-Z]\w*\("[^"\n]*", "/g },
  { language: 'kotlin', uri: 'file:///work/src/Big.kt', construction: /(?<![\w.])[A-Z]\w*\("[^"\n]*", "/g },
  { language: 'csharp', uri: 'file:///work/src/Big.cs', construction: /\bnew [A-Z]\w*\("[^"\n]*", "/g },
] as const;

/** A declaration's parameter named for a secret: a record, a class's primary constructor or a constructor. */
const DECLARED = /^[ \t]*(?:(?:public|private|internal|data|sealed|enum)[ \t]+)*(?:record[ \t]+|class[ \t]+)?[A-Z]\w*\([^)\n]*?\b(?:val[ \t]+)?\w*(?:[Ss]ecret|[Kk]ey|[Tt]oken|[Pp]assword)\b/m;

function chunkStarts(text: string, uri: string): number[] {
  return new FileWindows(parseText(text, uri), new SectionParseCache(), new Map()).chunks().map((c) => c.start);
}

describe('keystrokes in a large C#, Java or Kotlin file equal a fresh analysis at each keystroke', function () {
  this.timeout(600_000);
  let ruleSet: RuleSet;

  before(function () {
    ruleSet = loadRuleSet([builtinPackRoot()]).ruleSet;
  });

  for (const { language, uri, construction } of LANGUAGES) {
    it(`${language}: in a literal, in a construction's arguments and a declaration, at chunk cuts, Enter, Backspace, a paste`, function () {
      // The secrets corpus is part of the repository: no file of the language is a broken corpus, not a reason to skip.
      const generated = jvmLanguageText(language, 2 * WINDOWED_MIN_LENGTH);
      assert.ok(generated !== undefined, `no ${language} files in the secrets corpus`);
      const doc = new TypedDocument(uri, generated, ruleSet);
      const initial = doc.text;
      const fresh = analyze({ uri, text: initial }, ruleSet, { now: ANALYSIS_NOW });
      const secrets = fresh.findings.filter((f) => f.ruleId === 'secret-generic-password').map((f) => f.span.start);
      assert.ok(secrets.length > 20, `secrets to type in, got ${secrets.length}`);
      for (const at of [secrets[0], secrets[Math.floor(secrets.length / 2)], secrets[secrets.length - 1]]) doc.typeAndDelete(at + 2, 'x%', 'inside a secret literal');
      const constructions = [...initial.matchAll(construction)].map((m) => (m.index ?? 0) + m[0].length);
      assert.ok(constructions.length >= 2, `constructions with literal arguments, got ${constructions.length}`);
      for (const at of [constructions[0], constructions[constructions.length - 1]]) {
        doc.typeAndDelete(at + 3, 'Q', "inside a construction's literal");
        doc.typeAndDelete(at - 2, ' x,', "between a construction's arguments");
      }
      const declaration = DECLARED.exec(initial);
      assert.ok(declaration, 'a declaration with a secret-named parameter');
      doc.typeAndDelete(declaration.index + declaration[0].length - 1, 'Zz', "inside a declared parameter's name");
      doc.typeAndDelete(declaration.index + declaration[0].length, ',', 'a parameter list broken after the name');
      const starts = chunkStarts(initial, uri);
      assert.ok(starts.length > 4, `chunks, got ${starts.length}`);
      for (const cut of [starts[1], starts[Math.floor(starts.length / 2)], starts[starts.length - 1]]) {
        doc.typeAndDelete(cut, 'a', 'at a chunk start');
        doc.type(cut - 1, cut - 1, '\n', 'Enter before a chunk cut');
        doc.type(cut - 1, cut, '', 'Backspace before a chunk cut');
      }
      for (const fraction of [0.01, 0.5, 0.97]) {
        const lineEnd = doc.text.indexOf('\n', Math.floor(doc.text.length * fraction));
        doc.type(lineEnd, lineEnd, '\n', `Enter at ${fraction}`);
        doc.type(lineEnd, lineEnd + 1, '', `Backspace at ${fraction}`);
      }
      // A construction's line pasted near the end, then cut again.
      const lineStart = doc.text.lastIndexOf('\n', constructions[0]) + 1;
      const line = doc.text.slice(lineStart, doc.text.indexOf('\n', constructions[0]) + 1);
      const target = doc.text.indexOf('\n', doc.text.length * 0.8) + 1;
      doc.type(target, target, line, 'a construction line pasted');
      doc.type(target, target + line.length, '', 'the pasted construction line cut');
      if (language === 'csharp') {
        const using = /^using System;\n/m.exec(doc.text);
        assert.ok(using, 'the C# file imports System');
        doc.type(using.index, using.index + using[0].length, '', 'using System; cut');
        doc.type(using.index, using.index, using[0], 'using System; pasted back');
      }
      assert.equal(doc.text, initial, 'every edit undone');
      assert.ok(doc.compared > 1000, `findings compared: ${doc.compared}`);
    });
  }
});
