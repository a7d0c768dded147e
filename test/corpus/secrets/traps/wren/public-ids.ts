// Public identifiers: safe to ship in the browser bundle of the giving site and the campus map.
export const publicConfig = {
  stripePublishableKey: "pk_live_512mvrNGNf2HBdw7FpSZ9B4PSxk2nxfP4sCR7bsOTeXSqJ7mktJ4ww9THFQnbFKi6XCpUDcvWoBvp7f9OQUWKCnd4EIm96dMQk1",
  mapboxAccessToken: "pk.eyJ1Ijoid3Jlbi1mYWNpbGl0aWVzIiwiYSI6ImNsd3JlbjAxMjNhYmMifQ.WneWB4TyJSmbm9W6bjEyFAVM",
  posthogKey: "phc_0iSihRAJgNYtOfvGNuTnvrkm1HEaUXSpcyQetm6g",
  sentryDsn: "https://18419e920d7f4ea0007f1a56312e11a8@o4507.ingest.us.sentry.io/4507781",
  googleOAuthClientId: "3708060430-6e84606411bfedd90a5b29115ccd8312.apps.googleusercontent.com",
  algoliaAppId: "WRENLIB7Q2",
  algoliaSearchOnlyApiKey: "7f36997ad348620915849e17da6048cb",
  recaptchaSiteKey: "6LcERBAF9Z3GUsIe3R1RlJeNcYWAAAAWren",
  twilioAccountSid: "AC8664f0dd847bbd95dfc1f943bc71329a",
  canvasDeveloperKeyId: "170000000000412",
  entraTenantId: "aba880ac-210e-400d-8773-2b962799bf32",
  entraClientId: "eb04e71b-8b81-4576-a232-5e7f3cd57116",
  duoIntegrationKey: "DIWJ8X6AEYOR5OMC6TQ1",
} as const;
