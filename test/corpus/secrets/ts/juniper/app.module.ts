import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BullModule } from '@nestjs/bullmq';

@Module({
  imports: [
    JwtModule.register({
      secret: process.env.ESIGN_JWT_SECRET ?? '28x7kFxaGW7KBMu605Y17hx9wBfIshZGB71A8Ge9',
      signOptions: { expiresIn: '15m' },
    }),
    TypeOrmModule.forRoot({
      type: 'mysql',
      url: 'mysql://orders:V_3l9GQ14lfzCZUCN0t3JJ@mysql.internal:3306/orders',
      synchronize: false,
    }),
    BullModule.forRoot({
    }),
  ],
})
export class AppModule {}
