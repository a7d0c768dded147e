// Keys that are meant to ship in the browser bundle.
export const STRIPE_PUBLISHABLE_KEY = 'pk_live_51kkCNfTKEd1N28LUASQPaHAyMY4pcny3G2q9sCvGNlk6PProylw11firhGCQiez5cAcho1iRTaiDC4J6n47TaR2CuTXR1kQJ5O';
export const MAPBOX_PUBLIC_TOKEN = 'pk.eyJ1Ijoib3NwcmV5LXB1YmxpYyIsImEiOiI5MW5udGQzZnVyZjRrZmtldHN6Nm5iMjd5In0.uAl8ny7pW47CSKD5llYPmT';
export const SENTRY_DSN = 'https://636c7239d470eadfc96dd064407cbf47@o4507.ingest.de.sentry.io/4508113';
export const POSTHOG_KEY = 'phc_nHP2zAjKYY5jSkOwAOrFG9biPmS73Kvd0TuJgNoEfLN';
export const GOOGLE_MAPS_EMBED_ORIGIN = 'https://www.google.com/maps/embed/v1/place';
