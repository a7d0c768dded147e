export async function disconnect(meterId: string, apiKey: string): Promise<Headers> {
  const headers = new Headers([
    ["Content-Type", "application/json"],
    // expect: secret-generic-password@20-48
    ["X-Api-Key", "ojLPm4G9lcULH1ZIDMQFIxjvSQqf"],
  ]);
  // expect-not: secret-generic-password
  const named = new Headers([["X-Api-Key", apiKey]]);
  return meterId ? headers : named;
}

export enum PartnerKey {
  // expect: secret-generic-password@10-38
  Lab = "Qkna1eHJx7nmM4Vc6W1GkaYv6NS4",
  Live = "",
}

export enum CacheKey {
  // expect-not: secret-generic-password
  Meters = "meters:v2",
}
