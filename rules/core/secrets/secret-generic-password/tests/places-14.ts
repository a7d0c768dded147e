import Provider from "ltijs";
import { Resend } from "resend";

// The first argument of a setup call, on its own line, when it is key material.
lti.setup(
  // expect: secret-generic-password@4-44
  "zqhtpHS9ZsSDAk0gBcVN7J2ojoiLtrbjremMLb2i",
  { url: process.env.LTI_DATABASE_URL },
);
// The only argument of a constructor, key material.
// expect: secret-generic-password@37-69
export const receipts = new Resend("GHg5tPQ508bkUx70GMqAKh2qS9qSMCdG");
// The first item of a params array, a user after it.
// expect: secret-generic-password@46-78
rpc.methodCall("api.adjustAccountBalance", ["CFa7mnGZcEm6ELWehoilbnKdUtusvCAg", user, amount, comment], done);
// A bare `key` beside a user in one object.
// expect: secret-generic-password@60-92
export const mail = mailer.client({ username: "api", key: "a67c2fc1b787c88b82efaa56762d3178" });
// A decoding wrapper around a value under a secret's name.
export const defines = {
  // expect: secret-generic-password@36-68
  __MAP_API_KEY__: JSON.stringify("hPKkbQrdXK3S4oy2g3Pa9WIqwyahKdwC"),
};

// expect-not: secret-generic-password
lti.setup(process.env.LTI_KEY, { url: process.env.LTI_DATABASE_URL });
// expect-not: secret-generic-password
export const sample = new Resend(process.env.RESEND_API_KEY);
// expect-not: secret-generic-password
export const image = new Uint8Array(["sprite-sheet-2x.webp"]);
// expect-not: secret-generic-password
rpc.methodCall("api.getAccountBalance", ["account-balance-report", user], done);
// expect-not: secret-generic-password
export const other = mailer.client({ username: "api", key: process.env.MAILER_KEY });
