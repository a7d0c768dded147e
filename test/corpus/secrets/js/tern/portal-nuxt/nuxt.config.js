// nuxt.config.js: customer self-service portal (meter reads, bills, moving home)
export default defineNuxtConfig({
  ssr: true,
  runtimeConfig: {
    billingApiBase: "https://billing-api.tern.internal",
    billingApiSecret: "poHfIm_J*f7UvS2B2WPET8oOmt=ljAD9",
    public: {
      stripePublishableKey: "pk_live_51UuDNhqbldHRWnR53wTa5F4VriCJ3bFgyT6JC1dMiz4OCN2TJVvdPGNkOVCv5gGmRGBOuCjQERQTRPvKFfVL9Pc0H3oGe77BY6",
      sentryDsn: "https://be5c932d7a0cd82c24999a266dfe5d91@o4506781.ingest.de.sentry.io/4506781123",
    },
  },
  modules: ["@pinia/nuxt"],
});
