import { Module } from '@nestjs/common';

export const FERRY_API_KEY = 'FERRY_API_KEY';
export const SIGNING_SECRET = 'SIGNING_SECRET';

@Module({
  providers: [
    // expect: secret-generic-password@42-82
    { provide: FERRY_API_KEY, useValue: 'lRMoSWww1pn2sByHkq3JcUCItv2z7hnL32XSueYh' },
    // expect-not: secret-generic-password
    { provide: SIGNING_SECRET, useValue: process.env.SIGNING_SECRET },
  ],
})
export class AppModule {}
