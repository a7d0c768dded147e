import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response, NextFunction } from 'express';

/** Verifies the `X-Kestrel-Signature` of ad-partner postbacks. */
export const SIGNATURE_HEADER = 'X-Kestrel-Signature';
const PARTNER_KEYS: Record<string, string> = {
  freewheel: '582bc2247d648052613d3624a810e76420b1f8c0d4bddaf5014ebe22ceaf965f',
  springserve: process.env.SPRINGSERVE_HMAC_KEY ?? '',
};

export function verifyPostback(req: Request, res: Response, next: NextFunction) {
  const partner = String(req.query.partner);
  const key = PARTNER_KEYS[partner];
  const sig = req.header(SIGNATURE_HEADER) ?? '';
  const expected = createHmac('sha256', key).update(JSON.stringify(req.body)).digest('hex');
  if (!key || sig.length !== expected.length || !timingSafeEqual(Buffer.from(sig), Buffer.from(expected))) {
    return res.status(401).end();
  }
  next();
}

export const legacyVerifier = (body: string) =>
  createHmac('sha256', 'YpSHPMkz3pcf4CcCAie2qrAaib6H4G5RNa93yvpj').update(body).digest('base64');
