// Bearer tokens pasted into code: in a header string, a fallback, a comment, and a JSON string after an escaped line break.
// expect: secret-jwt@62-214
const api = axios.create({ headers: { Authorization: `Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyIsInJvbGUiOiJhZG1pbiIsImlhdCI6MTczMzQ1MDAwMH0.GTd7FguoV8FWnFbB0JxXujr4qqaaABvvLOzAxzXMcU1` } });
// expect: secret-jwt@59-532
export const serviceToken = process.env.SERVICE_TOKEN || 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiJodHRwczovL2lkLmludGVybmFsLnRlc3QiLCJzdWIiOiJkZXBsb3ktYm90Iiwic2NvcGUiOiJkZXBsb3kifQ.vsHiQMaRiNTN9Ox98whGcTZc1UWb5fxzpF7STG7nVLe3lARUsRJlNONwktN9ugkZeESG61she_QAqq0nv3Vth1Ls6v6-O9JL8ZsoWw_Rxl-IUiTeNUJ-HLRwb8GPJ7KTSJS0Sw5UQsvzU9Kk1v1MIdzu4xCxf8CvgroOx9ye17SWjAEVaSZJ0oVeMmLRLTq10V7suW9zrlSaWnPsPW23C_L9WXuHM_G1cON-Ks9dp4FLfrYb9JF8eF-ItKL_8pcqMKRLd7SUqeaG6nyb229X8YzL7iMa3K8Nsv9_Qt2giDIkidQ2iZ-gppCorL4txx0uiBfnWjJhpZrb3lO--TVhrL';
// expect: secret-jwt@29-201
// token for local testing: eyJ0eXAiOiJKV1QiLCJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJyZXBvcnRpbmciLCJleHAiOjE4OTM0NTYwMDB9.tLCHiEGKrEV6XwqcRkelp6EX79PndXgt2Cok-BrWTELQSXWrTL3UeBxYimeexzzf-9Sa28M2P77mytujVX8tGo
// expect: secret-jwt@52-204
const fixture = JSON.parse('{"note": "first line\\neyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyIsInJvbGUiOiJhZG1pbiIsImlhdCI6MTczMzQ1MDAwMH0.GTd7FguoV8FWnFbB0JxXujr4qqaaABvvLOzAxzXMcU1"}');
// An unsigned token (alg "none") authenticates nothing.
// expect-not: secret-jwt
const unsigned = 'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJhbm9uIn0.';
// Three base64 parts that are not JSON are not a JWT.
// expect-not: secret-jwt
const lookalike = 'eyJJuKEe9eSVOhc68tpPL6EuezdDkZUNx.eyJ7UKi7uEwAf3Ia7h50vfeSmjE-l8gFg._YhgG05NgeywZyDkOnlujBc4T-2WqbN5CorN9lHZOqq';
// The token shown on jwt.io.
// expect-not: secret-jwt
const documented = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
