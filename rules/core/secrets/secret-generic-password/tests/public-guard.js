// Public code (test/corpus/public-code): a tokenizer's state names, a sigil and an identifier (prettier's
// bundled Babel tokenizer), are not tokens.
let lastSignificantToken = null;
function next(inJsx) {
  // expect-not: secret-generic-password
  let nextLastSignificantToken = "?NonExpressionParenEnd";
  if (inJsx) {
    // expect-not: secret-generic-password
    lastSignificantToken = "?InterpolationInJSX";
  }
  return nextLastSignificantToken;
}

class Session {
  // expect-not: secret-generic-password
  #refreshToken = "#accessToken";
}

// A value with digits after the sigil is not a name.
// expect: secret-generic-password@23-44
const sessionToken = "?Vq8Rz2Lm5Tx9Kp4Wn7Yb";

// OID tables name algorithms in camelCase with numbers and acronyms: names, not generated values (public code).
const oids = {};
function _IN(id, name) { oids[id] = name; }
_IN('1.2.840.113549.1.1.11', 'sha256WithRSAEncryption');
_IN('1.2.840.113549.1.12.1.3', 'pbeWithSHAAnd3-KeyTripleDES-CBC');
_IN('1.2.840.113549.1.12.10.1.2', 'pkcs8ShroudedKeyBag');

module.exports = { next, Session, sessionToken, lastSignificantToken };
