import { createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC keys of the partners that push port-call updates to us, by partner. */
export const PARTNER_SIGNING_KEYS = {
  berthApi: 'fc5fc4fe15be6a8b18952ba0f456a3aedd04cc82cd6940293c393df68bb12704',
  customsGateway: process.env.CUSTOMS_GATEWAY_SIGNING_KEY ?? '',
} as const;

export const SIGNATURE_HEADER = 'x-osprey-signature';

export function verify(partner: keyof typeof PARTNER_SIGNING_KEYS, body: string, signature: string): boolean {
  const expected = createHmac('sha256', PARTNER_SIGNING_KEYS[partner]).update(body).digest();
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
