import * as http from "node:http";

export function vendorBasicAuth(): string {
  // expect: secret-credential-in-uri@43-63
  return `Basic ${Buffer.from("hes-vendor:NS3lHBPmFnyM4LldVRyJ").toString("base64")}`;
}

export function post(): void {
  http.request({
    host: "points.example.test",
    // expect: secret-credential-in-uri@19-37
    auth: "bridge:WtxUxWhJjXOclye7zW",
  });
  http.request({
    host: "points.example.test",
    // expect-not: secret-credential-in-uri
    auth: `${process.env.BRIDGE_USER}:${process.env.BRIDGE_PASSWORD}`,
  });
}

export const oauthProvider = {
  protocol: "oauth2",
  // expect-not: secret-credential-in-uri
  auth: "https://login.example.test/oauth2/authorize",
  token: "https://login.example.test/oauth2/token",
};
