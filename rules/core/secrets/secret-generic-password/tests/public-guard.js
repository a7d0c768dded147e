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

module.exports = { next, Session, sessionToken, lastSignificantToken };
