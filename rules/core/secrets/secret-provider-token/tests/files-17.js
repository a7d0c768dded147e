// learn17-files: a provider's format is reported whatever the syntax around it (issue 8): a Mandrill key as a
// factory's argument, a HubSpot private app token in a factory call, a short Vault token in a Headers tuple array.
// expect: secret-provider-token@31-56
const mandrill = mailchimpTx('md-yVE1i9SmCR-rMnDyn4fqhN');
// expect: secret-provider-token@43-87
const crm = Client.createWithAccessToken('pat-na1-918e1cda-efef-f5eb-2c94-b29d83924600');
const headers = new Headers([
  ['X-Vault-Namespace', 'ops'],
    // expect: secret-provider-token@24-52
    ['X-Vault-Token', 'hvs.c9iwfCtdYHLTIANSfo7wmxjC'],
]);
// Angular Material's `md-` class names are words, not keys.
// expect-not: secret-provider-token
const toggle = 'md-button-toggle-group-item';
// A Vault token's prefix before a shorter or a longer run is no token of either length.
// expect-not: secret-provider-token
const notVault = 'hvs.izQBRdASOaCysacoCHeFTJAHjH7i2T';
// A HubSpot token names its region: `pat-` and a UUID alone is something else.
// expect-not: secret-provider-token
const ticket = 'pat-73417272-2652-db8d-f77a-49e8a4dfa2fe';
