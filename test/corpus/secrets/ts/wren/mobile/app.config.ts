import type { ExpoConfig, ConfigContext } from "expo/config";

// Wren Mobile: campus card wallet pass, timetable, library loans, campus map.
export default ({ config }: ConfigContext): ExpoConfig => ({
  ...config,
  name: "Wren",
  slug: "wren-mobile",
  version: "4.12.0",
  scheme: "wren",
  ios: {
    bundleIdentifier: "edu.wren.mobile",
    config: {
      googleMapsApiKey: "AIzaJpFmyt0gvZSzHfG-iCUSrv96qlMpbFPl21t",
    },
  },
  android: {
    package: "edu.wren.mobile",
    googleServicesFile: "./google-services.json",
  },
  updates: {
    url: "https://u.expo.dev/3f2b8c1d-5e6a-4f7b-9c0d-1e2f3a4b5c6d",
    requestHeaders: { "expo-channel-name": process.env.APP_CHANNEL ?? "production" },
  },
  extra: {
    posthogKey: "phc_gBu7OExKGEeCa44Udi1m67fBkEHKjJscAuEBHRW3",
    cardApi: {
      baseUrl: "https://cardapi.wren.edu/v2",
      hmacSecret: "4X6QjFVkwej64tXDSs1i6J9d7re3vlkLvHUgqG5w6ww=",
    },
    eas: { projectId: "3f2b8c1d-5e6a-4f7b-9c0d-1e2f3a4b5c6d" },
  },
});
