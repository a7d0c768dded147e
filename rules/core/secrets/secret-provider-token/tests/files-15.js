// Batch 15 (learn15-files): an ElevenLabs key (sk_ + 48 hex) under a neutral key.
// expect: secret-provider-token@45-96
const VOICE = { voice: 'narrator-en', key: 'sk_188e58c6fa3510294197377ee5e679656bc0a1b83c85c099' };
// A Stripe test key of another shape is not an ElevenLabs key.
// expect-not: secret-provider-token
const task_name = 'sk_abc';
