// bulwark-test-now: 2026-06-01
// expect-not: bulwark-invalid-suppression
// bulwark-ignore secret-generic-password reason="test fixture, not a credential"
const fixturePassword = 'Zq7mKx9Tf4bLFAKE';

/* expect: bulwark-invalid-suppression@4-58 */
/* bulwark-ignore secret-github-token until=2025-01-01 */
const legacyToken = process.env.LEGACY_TOKEN;

// One id is valid, the other is Checkov's: only that part suppresses nothing.
// expect: bulwark-invalid-suppression@4-77
// bulwark-ignore secret-generic-password,CKV_SECRET_10 reason="sample data"
const samplePassword = 'W4bLc8NvY3pFAKE7';

module.exports = { fixturePassword, legacyToken, samplePassword };
