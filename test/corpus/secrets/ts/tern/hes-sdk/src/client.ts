import { labHes } from "./config";

export class DisconnectClient {
  constructor(
    private readonly baseUrl: string = labHes.baseUrl,
    private readonly signingSecret: string = "BCm7hswfAqhi8+8+diBg~aj-kQbpMqPO",
  ) {}

  async remoteDisconnect(meterId: string, reason: string): Promise<void> {
    const headers = new Headers([
      ["Content-Type", "application/json"],
      ["X-Api-Key", "F4wYk0mHSqTWpBJs0XL2P4sCxpN2bPbXaJJd"],
    ]);
    const res = await fetch(`${this.baseUrl}/meters/${meterId}/disconnect`, {
      method: "POST",
      headers,
      body: JSON.stringify({ reason }),
    });
    if (!res.ok) throw new Error(`disconnect failed: ${res.status}`);
  }
}

export function vendorBasicAuth(): string {
  return `Basic ${Buffer.from("hes-vendor:uOK.ucTQwJ1BMAh1pLs8").toString("base64")}`;
}
