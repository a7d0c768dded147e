import { Provider as lti } from "ltijs";
import { ClientSecretCredential } from "@azure/identity";
import { Client } from "@microsoft/microsoft-graph-client";
import { TokenCredentialAuthenticationProvider } from "@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials";

// LTI 1.3 tool that links Canvas courses to Teams classes.
lti.setup(
  "jLaG1Zix7My3ky9twSDUYYxVf6AU6ADAROKan4hf",
  {
    url: "mongodb://lti_tool:ba7_P_kXMGk9HRP@lti-mongo.wren.internal:27017/ltidb?authSource=admin",
  },
  {
    appRoute: "/",
    loginRoute: "/login",
    cookies: { secure: true, sameSite: "None" },
    devMode: false,
  },
);

export class TeamsClassLinker {
  readonly #tenantId = "c0ffee00-1d2e-4a5b-8c7d-9e0f1a2b3c4d";
  readonly #clientId = "8b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b";
  #clientSecret = "O6hUA3pJxHFu3njUZK58mwFchPWZEdhm";

  graph(): Client {
    const credential = new ClientSecretCredential(this.#tenantId, this.#clientId, "XHJ8Q~Dn4cm622Cfk4AYFL8yUQKPZ-heS1RYj~l_");
    const authProvider = new TokenCredentialAuthenticationProvider(credential, { scopes: ["https://graph.microsoft.com/.default"] });
    return Client.initWithMiddleware({ authProvider });
  }
}

lti.onConnect(async (token, req, res) => res.send(`Linked ${token.platformContext.context.title}`));
await lti.deploy({ port: 3000 });
