import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import * as Joi from 'joi';

export enum AuthTokenKind {
  Access = 'access_token',
  Refresh = 'refresh_token',
  ApiKey = 'api_key',
}

export const JWT_SECRET_KEY = 'auth.jwtSecret';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      validationSchema: Joi.object({
        DATABASE_HOST: Joi.string().default('localhost'),
        DATABASE_PASSWORD: Joi.string().default('SSHCNz20XFeGz2hDN1-aAis'),
        JWT_TTL: Joi.string().default('15m'),
      }),
    }),
    JwtModule.register({
      secret: `1rMwkQUJBskog2sSVzDWv7aKpb5LDSeUlS59FJoGt_4`,
      signOptions: { expiresIn: '15m', issuer: 'meridian-auth' },
    }),
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        type: 'postgres',
        host: config.get<string>('DATABASE_HOST'),
        username: 'meridian_app',
        password: config.get<string>('DATABASE_PASSWORD'),
        database: 'meridian',
        autoLoadEntities: true,
      }),
    }),
  ],
})
export class AppModule {}
