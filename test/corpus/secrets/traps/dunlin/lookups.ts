export const env = {
  stripeSecretKey: process.env.STRIPE_SECRET_KEY!,
  telnyxApiKey: process.env.TELNYX_API_KEY ?? '',
  sessionPassword: process.env.SESSION_PASSWORD as string,
  mapsKey: import.meta.env?.VITE_MAPS_KEY,
};

export enum Header {
  ApiKey = 'X-Dunlin-Key',
  Token = 'Authorization',
}

export const PASSWORD_MIN_LENGTH = 12;
export const TOKEN_STORAGE_KEY = 'dunlin.selfcare.token';
export const SECRET_NAME = 'selfcare/stripe';
export const pixel = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQZHmPoS/5XxTlygc/sIcteRNJG3/hJCAPtgt4W9I7nA5mKr4QywoP7exkZpXR1IueAZ+0cjaDxmrlgAnEJqUHHe4vVUry8O6uYvekk3fEYnvWFj/P15JeBoWC';
export const STRIPE_PUBLISHABLE_KEY = 'pk_live_51kb2Xkd3K4xqOdQJ6dNeiE8SW5pxPzXxdRxXsF9ZEvAYDK8vz2YybQIOiFjSa5jUXT6pR1FaGwbG9HWg9QXvEGFit6vnf2vB2D';
export const SENTRY_DSN = 'https://143c2edcbffd61c72d7c5c795a309c70@o629942.ingest.de.sentry.io/1559183';
export const GOOGLE_OAUTH_CLIENT_ID = '478533576599-2v8hjltpfyvncbmncc4fqrqaajaq70dq.apps.googleusercontent.com';
export const TWILIO_ACCOUNT_SID = 'AC52fa3425690ea2f6a3de792f61c9404c';
export const BUILD_ID = '2324bc32-f365-46bf-a4e3-f534ab1aee2f';
export const DEMO_JWT_HEADER = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9';
