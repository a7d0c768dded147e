// Identifiers that are safe to ship to the browser.
export const PUBLIC_IDS = {
  stripePriceStandingCharge: "price_1QbX7hKa9ZtRcVx2LmNpQr4s",
  twilioAccountSid: "AC255e7788986d6634538af0f5e5840102",
  googleOAuthClientId: "277261716759-lfjs24v8bvq94ytv21qfls0aiio9he9e.apps.googleusercontent.com",
  azureTenantId: "8d8b2c50-eb61-444c-bb06-8bc6a8cd234d",
  portalClientId: "2dea2a49-e770-4ba6-b978-4da93da419f9",
  posthogKey: "phc_diJvDJ84kdTjBTUMz4epWiqRIlCdeJ577hRMdfod1Br",
  mapboxToken: "pk.eyJ1IjoidGVybmVuZXJneSIsImEiOiJqdHA3d3dsYTRhbXhubzFpODB0c3M0M3J6In0.WT1CNCBgQUmGgiuaZMkl61",
  algoliaAppId: "0VSQ4KT10X",
} as const;

export const API_KEY_HEADER = "X-HES-Api-Key";
export const CSRF_HEADER_NAME = "X-CSRF-Token";
export const AUTH_COOKIE_NAME = "tern_session";
export const PASSWORD_RESET_PATH = "/account/password/reset";
