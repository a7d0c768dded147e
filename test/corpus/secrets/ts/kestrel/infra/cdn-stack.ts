import { Stack, StackProps, SecretValue } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

export class CdnStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const tokenAuth = new lambda.Function(this, 'TokenAuth', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset('lambda/token-auth'),
      environment: {
        SIGNED_URL_SECRET: 'oHvqpFtgtddyt7svlUY8X8M09zAdvKyZuaOiUrBs8Bg=',
        KEY_PAIR_ID: 'K2JCJMDEHXQW5F',
        MUX_SIGNING_KEY_ID: 'xK3m9PqV2rT8wY5zA1bC4dE6fG7hJ0kL',
      },
    });

    new cloudfront.Distribution(this, 'Vod', {
      defaultBehavior: {
        origin: new origins.HttpOrigin('origin.kestrel.tv', {
          customHeaders: { 'X-Origin-Verify': process.env.ORIGIN_VERIFY ?? '' },
        }),
      },
    });

    // Secrets Manager reference: resolved at deploy time.
    const originSecret = SecretValue.secretsManager('kestrel/cdn/origin-verify');
    const legacy = SecretValue.unsafePlainText('tyG!ttQsnszJpcTA*z_oO!Tg33lH');
    void tokenAuth; void originSecret; void legacy;
  }
}
