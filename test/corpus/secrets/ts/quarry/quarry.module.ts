import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';

export enum QuarryCredential {
  ServiceToken = 'GuX9G2poujGp898NbB3TgFzAHdQWCHLA36As',
  Header = 'X-Quarry-Service-Token',
}

export const quarryDefaults = {
  encryptionKey: 'f2d241834aae961f6aa5507626a83cec9bcc44086fa3d5f8615199b48112fd48',
  region: 'eu-west-1',
} as const;

@Module({
  imports: [
    JwtModule.register({
      secret: 'eJxbfpMDA0VFlfPhTDuMt33yQAjPVDzZeAG8Pb77auo=',
      signOptions: { expiresIn: '15m' },
    }),
  ],
})
export class QuarryModule {}

export function quarryAuth(headers: Headers): void {
  headers.set('X-Api-Key', 'OV5Ovdwl8nxmJqvwvgIQbn8GOxuc3JBY');
  headers.set('X-Trace', crypto.randomUUID());
}

let webhookSecret: string | undefined;
webhookSecret ||= 'jl1pUJAxclbZeW1NZjpl2lFhpE0e';

export const quarryTokenTtl = 3600;
export const quarryPasswordHint = 'Use at least 12 characters';
export const quarryApiKeyEnv = 'QUARRY_API_KEY';
export const quarryChecksum = 'sha256:9f2c1a0d4be6a35c5ab1c2b7c0d1e1f3a5d7c9b1e3f5a7c9d1e3f5a7c9b1d3e5';
export const quarrySecret = process.env.QUARRY_SECRET!;
export { webhookSecret };
