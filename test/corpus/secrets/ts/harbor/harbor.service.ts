import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHmac } from 'node:crypto';

export interface HarborCredentials {
  apiKey: string;
  apiSecret?: string;
}

const DEFAULT_CREDENTIALS: HarborCredentials = {
  apiKey: 'v6fhmLHWHYqfwXus4FRFCm5F',
  apiSecret: 'USVLwqgzwDzRPRp2XZX7qvCqTW5GquhJJEUTB2Yb',
};

export const HARBOR_LICENSE_KEY =
  'zT/0yIVbTcjJVrpGN9AWCcKb2PeohC8yFjqjlKYSrLDPn1xbT8xQRyxvmwkpF/sIxpGLPBa7rBxSyPGaIKexNkaZi9To242FKS8D/gTxl8xJtALVcvZwPpfH47beLQ2mZM47sG4/4sL1tAT+/el89j7QE4/SJKrxqcKhVJZts+heSeSDxL3IIHsfavUa9yYPUb/+kccM/Fr5jjtV4X8igcUNxn7AqWqBoKnnk9pK0SFzBApJsWD5KBpxWaRpd81HpXuusVPtmQMO4xl5XtEzUZ6ISSw/i6jp/Oo2i2i+FNQJRNAMZwUsJswPXgKGEqdy';

@Injectable()
export class HarborService {
  private readonly signingKey: string = '1cccbdd3b14de4359da39bd2aa49a71cc6d575673989ee9f12b4494d20ede50f';
  private readonly refreshToken = this.config.get<string>('HARBOR_REFRESH_TOKEN');
  private readonly passwordResetPath = '/account/password/reset';

  constructor(private readonly config: ConfigService) {}

  sign(body: string, secret = 'ugUfrO8EiVNsLy7r7LIa'): string {
    return createHmac('sha256', secret).update(body).digest('hex');
  }

  authHeaders(): Record<string, string> {
    return { Authorization: `Bearer ${this.config.getOrThrow<string>('HARBOR_TOKEN')}` };
  }

  legacyHeaders(): Record<string, string> {
    return { Authorization: 'Bearer K15H98PdkQbw7nlaXOggd9RnDPTIv0mh' };
  }

  defaults(): HarborCredentials {
    return { ...DEFAULT_CREDENTIALS, apiSecret: this.refreshToken ?? DEFAULT_CREDENTIALS.apiSecret };
  }
}

export const harborDbPassword: string = process.env.HARBOR_DB_PASSWORD ?? '5.nT0uq!5LDtjhy_jc';
export const PASSWORD_MIN_LENGTH = 12;
export const API_KEY_PATTERN = /^[A-Za-z0-9]{24}$/;
export const SECRET_NAME = 'harbor/prod/dispatch';
export type TokenKind = 'access' | 'refresh';
