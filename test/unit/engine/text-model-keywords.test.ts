import * as assert from 'node:assert/strict';
import { parseText } from '../../../server/src/engine/parsers/text';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';

// A whole-file model beside windows (`fewReaders`) finds a short keyword list by its own scan instead of
// the rule set's shared pass: the offsets must be the ones the shared pass gives, whatever the case,
// overlap or position of the keywords.

describe('TextModel keyword offsets of a model few rules read', () => {
  const { ruleSet } = loadRuleSet([builtinPackRoot()]);
  const pass = ruleSet.keywordPass;
  const text = [
    '-----BEGIN RSA PRIVATE KEY-----',
    'x = "-----begin-----begin"; // two markers back to back',
    '----------BeGiN OPENSSH PRIVATE KEY----- ----- begin -----end-----END',
    'token = password; secret key',
    '-----End RSA PRIVATE KEY-----',
  ].join('\n');

  for (const keywords of [['-----begin'], ['-----end'], ['-----begin', '-----end'], ['password', 'token']]) {
    it(`gives the shared pass's offsets for ${JSON.stringify(keywords)}`, () => {
      const shared = parseText(text, 'file:///a.ts', undefined, pass).keywordOffsets(keywords);
      const own = parseText(text, 'file:///a.ts', undefined, pass, true).keywordOffsets(keywords);
      assert.ok(pass?.slots.has(keywords[0]), 'the shared pass holds the keyword, so the two paths differ');
      assert.deepEqual(own, shared);
      assert.ok(shared.length >= 2);
    });
  }

  it('finds a longer list (shared pass) at the same offsets', () => {
    const model = parseText(text, 'file:///a.ts', undefined, pass, true);
    const keywords = ['password', 'token', 'secret'];
    assert.deepEqual(model.keywordOffsets(keywords), parseText(text, 'file:///a.ts', undefined, pass).keywordOffsets(keywords));
    assert.deepEqual(model.keywordOffsets(keywords), [text.indexOf('token'), text.indexOf('password'), text.indexOf('secret')]);
  });
});
