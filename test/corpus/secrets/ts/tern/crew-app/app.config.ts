import type { ExpoConfig } from "expo/config";

const config: ExpoConfig = {
  name: "Tern Crew",
  slug: "tern-crew",
  version: "4.8.0",
  plugins: [
    [
      "@rnmapbox/maps",
      {
        RNMapboxMapsDownloadToken: "sk.eyJ1IjoidGVybmVuZXJneSIsImEiOiIybHZueng1anE5M3RzMXB4c2wxeTRwZ2ZtIn0.kdotKOr4N6I6vDbI0md-kT",
      },
    ],
  ],
  extra: {
    mapboxPublicToken: "pk.eyJ1IjoidGVybmVuZXJneSIsImEiOiJudG9pd2wweXFzYTU4OXptNXhrZ2tzaTVnIn0.CF9RfoSaSfoYMDnA9lQkmE",
    eas: { projectId: "d6a67b20-d0d6-4e20-97ad-bb973b5d8802" },
  },
};

export default config;
