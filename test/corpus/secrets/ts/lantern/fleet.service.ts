import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { Octokit } from '@octokit/rest';

export interface RouteOptimizerCredentials {
  clientId: string;
  clientSecret: string;
}

export const ROUTE_OPTIMIZER: RouteOptimizerCredentials = {
  clientId: 'lantern-route-optimizer',
  clientSecret: 'VB1O2ZTkWQiA7hcO3cmrqxyBbqYCKUyg5BM1vc9mxzsybEpP',
};

// Names of secrets in AWS Secrets Manager, not the secrets themselves.
export const SecretNames = {
  dbPassword: 'lantern/prod/db-password',
  mapboxToken: 'lantern/prod/mapbox-token',
} as const;

export enum AuthHeader {
  ApiKey = 'X-Lantern-Api-Key',
  Token = 'Authorization',
}

const PASSWORD_MIN_LENGTH = 12;
const refreshTokenTtl = '30d';

@Injectable()
export class FleetService {
  private readonly logger = new Logger(FleetService.name);
  private readonly webhookSecret: string;
  private readonly ai: OpenAI;
  private readonly claude: Anthropic;
  private readonly gh: Octokit;
  private static readonly telematicsPartnerKey = '3d59326b169dd2ae82ef80b2d9019444734253f9';

  constructor(private readonly cfg: ConfigService) {
    this.webhookSecret = cfg.get<string>('FLEET_WEBHOOK_SECRET') ?? 'XPrfmK4Wh+bJ0QPQCLeQ9ZeGj6oVvPEH';
    this.ai = new OpenAI({ apiKey: cfg.get('OPENAI_API_KEY') });
    this.claude = new Anthropic({
      apiKey: 'sk-ant-api03-I_jupt4jZcFzU5JDeSTbqXLXkwih0hZMqHFcvsiqISnGF6FoI6UZ44l8f_iglzlgMKWO5-faYJLI2NKw3y2yaeO5vF-_3AA',
    });
    this.gh = new Octokit({ auth: `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` });
  }

  async summarizeIncidents(text: string): Promise<string> {
    const res = await fetch('https://api.openai.com/v1/chat/completions', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        // TODO move to the secret store before launch
        Authorization: 'Bearer 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',
      },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] }),
    });
    return (await res.json()).choices[0].message.content;
  }

  passwordPolicy() {
    return { minLength: PASSWORD_MIN_LENGTH, refreshTokenTtl };
  }
}
