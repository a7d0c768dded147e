import { InjectionToken, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { BullModule } from '@nestjs/bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';

export const FERRY_API_KEY = new InjectionToken<string>('FERRY_API_KEY');
export const LOYALTY_SIGNING_SECRET = 'LOYALTY_SIGNING_SECRET';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      load: [() => ({ manifest: { encryptionKey: 'jev59X7SAyfydDn6nOuhr6VSDVoPHQ7Am7gJ0M+Fk3A=' } })],
    }),
    BullModule.forRoot({
      connection: { host: 'redis.puffin.internal', port: 6379, password: process.env.REDIS_PASSWORD },
    }),
    TypeOrmModule.forRoot({
      type: 'postgres',
      url: 'postgres://booking:utcV.nDLhjRJ_Otc7Xyj@pg-bookings.puffin.internal:5432/bookings',
      autoLoadEntities: true,
    }),
  ],
  providers: [
    { provide: FERRY_API_KEY, useValue: 'QDF3i7JgfHowj1cD5WkHYyoxdQJ3b7oz' },
    { provide: LOYALTY_SIGNING_SECRET, useFactory: () => process.env.LOYALTY_SIGNING_SECRET ?? '' },
    { provide: 'SESSION_SECRET_NAME', useValue: 'puffin-session' },
  ],
})
export class AppModule {}
