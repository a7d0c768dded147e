// Angular environment for the passenger web app (built into the bundle, replaced at deploy)
export const environment = {
  production: true,
  apiBaseUrl: 'https://api.puffin-ferries.test',
  mapsApiKeyName: 'maps',
  bookingApiKey: 'HIAtzvuReFHv8gU0nkR1j4U8e5r5sBkHrsH8SFrt',
  recaptchaSiteKey: '6Lc' + 'puffin-site-key-public',
  analyticsId: 'G-PUFF1NF3RRY',
  sentryDsn: 'https://4e8514cf4f9bbbc0d7332bdad417d309@o548842.ingest.de.sentry.io/7566025',
};
