// Public keys and ids only: everything here ships to the browser.
export const publicConfig = {
  stripePublishableKey: 'pk_live_jJxtrSmiaK2BfLCFkbndtKxZ6PmFByNq8M4zjNckeqXx0fQVStyf3kVLFUzGT87CnQqugSIQk4lAYZX7h8C93o8FL8XHwxEW2xW',
  mapboxToken: 'pk.eyJ1IjoiYXZvY2V0YmlvIiwiYSI6IAkgNrFaqjoKyOYPv8RAW.jpoknYSS1BXnQwo-VcFxZs',
  posthogKey: 'phc_gb86VAORTRmITQg4y4VBd2izDDNUjqbbCSTZ5NJ78ze',
  recaptchaSiteKey: '6LcHud2_jq3S8wudJeodBhCLgKZeFASjQcMwOj7m',
  googleClientId: '791215176309-2chluo0sjcmjamqi6dduiw44g83rp6og.apps.googleusercontent.com',
  sentryDsn: 'https://55274141383e02871035e0e856afc5de@o412873.ingest.sentry.io/5539013',
  algoliaSearchOnlyKey: '4f1c097abdb771f88283dc17d8a4bf4f',
  contentfulSpace: '9t27r7bggk4i',
};

export const API_KEY_HEADER = 'X-Api-Key';
export const AUTH_HEADER = 'Authorization';
export const unsignedPreviewToken = 'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJwcmV2aWV3IiwiaWF0IjoxNzY0MjAxNjAwfQ.';
export const jwtHeaderOnly = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9';
export const placeholderImage = 'data:image/png;base64,iVBORw0KGgoaakAzPLiV8bnUYamNBTZ7Qf3qhe5siKtyIe4vfg5apcDlbLUcz2HPM51L01Quoc7qS3741OznOuj3pW16n/z3E/eyuQtuK8er/H+ja1Ki+W26dDjLJh3DHxa7O1PuTwxjf4LSezAF8zoPYWivk+TflHz3aWlqATA';
export const labels = { password: 'Password', apiKey: 'API key', secret: 'Shared secret' };
export const elnToken = process.env.ELN_TOKEN ?? '';
