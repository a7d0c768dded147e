import * as assert from 'node:assert/strict';
import { looksLikeKeyMaterial } from '../../../../server/src/engine/templates/text/key-material';
import { isSecretStoreReference, looksLikePlaceholder } from '../../../../server/src/engine/templates/text/placeholders';
import { callTuples } from '../../../../server/src/engine/templates/text/call-tuples';
import { secretGivenWith } from '../../../../server/src/engine/templates/text/credentials-named';
import { targetTypedNewOpen } from '../../../../server/src/engine/templates/text/assignment-forms';
import { keyWords } from '../../../../server/src/engine/templates/text/secret-key-names';

// Batch 17's code forms (learn17-code): the pieces the rule's fixtures (code-17.*, code_17.*) reach through the engine.

/** Deterministic hex strings of `length` characters (a linear congruential generator: no Math.random in a test). */
function randomHex(length: number, count: number, seed = 17): string[] {
  let state = seed;
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let s = '';
    for (let i = 0; i < length; i++) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      s += '0123456789abcdef'[(state >>> 16) & 15];
    }
    out.push(s);
  }
  return out;
}

describe('looksLikeKeyMaterial: hex keys', () => {
  it('takes at least 99% of random 128-bit hex keys (the general floor took about 81%)', () => {
    const keys = randomHex(32, 2000);
    const taken = keys.filter((k) => looksLikeKeyMaterial(k)).length;
    assert.ok(taken >= keys.length * 0.99, `${taken} of ${keys.length}`);
  });
  it('still refuses hex of a few repeated symbols', () => {
    assert.equal(looksLikeKeyMaterial('deadbeefdeadbeefdeadbeefdeadbeef'), false);
    assert.equal(looksLikeKeyMaterial('aaaa0000bbbb1111aaaa0000bbbb1111'), false);
  });
});

describe('secret-store references', () => {
  const references = ['vault:secret/data/ledger#db', 'op://Ledger/Partner API/credential', 'sm://projects/p1/secrets/db', 'aws-parameterstore:/prod/db/password', 'vault://secret/db#password'];
  for (const r of references) it(`${r} is a reference`, () => assert.equal(isSecretStoreReference(r) && looksLikePlaceholder(r), true));
  const secrets = ['vault:Q7x!mK2pL9', 'op:Zq7mKx9Tf4bL', 'sm-9Xq2Lk7pZ/vB', 'Zq7mKx9T:f4/bL'];
  for (const s of secrets) it(`${s} is no reference`, () => assert.equal(isSecretStoreReference(s), false));
});

describe('secretGivenWith', () => {
  const cases: [string, string | undefined][] = [
    ['ParsePrivateKeyWithPassphrase', 'passphrase'], ['signInWithEmailAndPassword', 'password'], ['createWithAccessToken', 'token'],
    ['withToken', 'token'], ['encryptWithSecretKey', 'apiKey'], ['sortWithKey', undefined], ['startWithDefaults', undefined], ['with', undefined],
  ];
  for (const [name, want] of cases) it(`${name} → ${String(want)}`, () => assert.equal(secretGivenWith(keyWords(name)), want));
});

describe('targetTypedNewOpen', () => {
  const at = (line: string) => targetTypedNewOpen(line, 'NetworkCredential', line.indexOf('NetworkCredential') + 'NetworkCredential'.length, line.length);
  it('reads a field, an expression-bodied member and a property initializer', () => {
    for (const line of ['NetworkCredential c = new("u", "p");', 'static NetworkCredential Share() => new("u", "p");', 'NetworkCredential Smtp { get; } = new("u", "p");', 'NetworkCredential Smtp => new("u", "p");']) {
      assert.equal(at(line), line.indexOf('new(') + 3, line);
    }
  });
  it('reads no call of another type', () => assert.equal(at('NetworkCredential Share() => Build("u", "p");'), undefined));
});

describe('call tuples of batch 17', () => {
  const keysOf = (text: string) => [...callTuples(text)].map((a) => [a.key, a.value]);
  it('an upper-case user after a host, a port and a service name', () => {
    assert.deepEqual(keysOf('u := BuildUrl("db01.ledger.internal", 1521, "LEDGER", "LEDGER_APP", "rXsNSSTXRZ18lA-o", nil)'), [['password', 'rXsNSSTXRZ18lA-o']]);
  });
  it('an HTTP method is no user', () => assert.deepEqual(keysOf('p := probe("api.ledger.internal", 443, "GET", "c.4e+Ujf5zm.VZrq")'), []));
  it("a lookup's name says an id: the literal after it is its secret", () => {
    assert.deepEqual(keysOf("$c = new SmsClient(get_option('sms_account_sid'), 'e3b7a1c94d2f6085b1c7e9a3d5f20486');"), [['secret', 'e3b7a1c94d2f6085b1c7e9a3d5f20486']]);
    assert.deepEqual(keysOf("$c = new GeoClient(get_option('geo_region'), 'e3b7a1c94d2f6085b1c7e9a3d5f20486');"), []);
  });
  it("Ruby's Type.new constructs; a type named for a password names its literal", () => {
    assert.deepEqual(keysOf('Docs::Client.new("Kp2Wq9Lz7Xv4Bn8Mc3Rt6Yh1Jd5Gf0Sa")'), [['apiKey', 'Kp2Wq9Lz7Xv4Bn8Mc3Rt6Yh1Jd5Gf0Sa']]);
    assert.deepEqual(keysOf('f = new PasswordField("Kp2Wq9Lz7Xv4Bn8Mc3Rt6Yh1Jd5Gf0Sa");'), [['password', 'Kp2Wq9Lz7Xv4Bn8Mc3Rt6Yh1Jd5Gf0Sa']]);
    assert.deepEqual(keysOf('c = Money::Currency.new("Kp2Wq9Lz7Xv4Bn8Mc3Rt6Yh1Jd5Gf0Sa".downcase)'), []);
  });
});
