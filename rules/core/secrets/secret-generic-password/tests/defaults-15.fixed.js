// Option defaults by name or position (default-positions.ts).
const { program } = require('commander');
const yargs = require('yargs');

program
  // expect: secret-generic-password@62-84
  .option('--api-token <token>', 'API token for the relay', '1ErC8Po1GUk6DEX1TFriXq')
  // expect-not: secret-generic-password
  .option('-s, --client-secret <secret>', 'OAuth client secret')
  // expect-not: secret-generic-password
  .option('--token-header <name>', 'header that carries the token', 'X-Relay-Token')
  .parse();

const argv = yargs
  // expect: secret-generic-password@55-77
  .option('relay-secret', { type: 'string', default: '4NJls5mKzurm276PlOB1x4' })
  // expect-not: secret-generic-password
  .option('relay-secret-file', { type: 'string', default: '/run/secrets/relay' })
  .parse();

// expect: secret-generic-password@30-52
const fallbackToken = () => process.env.FALLBACK_TOKEN;
// expect-not: secret-generic-password
const tokenPrompt = () => 'Token:';

let hmacKey = process.env.RELAY_HMAC_KEY;
// expect-not: secret-generic-password
if (!hmacKey) hmacKey = 'placeholder';
let key = process.env.RELAY_HMAC_KEY;
// expect: secret-generic-password@18-40
if (!key) key = 'Z3hG9YpRaf0EbofF7CeUra';
let mode = process.env.RELAY_TOKEN_MODE;
// expect-not: secret-generic-password
if (!mode) mode = 'rotate-daily';

module.exports = { argv, fallbackToken, tokenPrompt, hmacKey, key, mode };
