import { REST } from '@discordjs/rest';
import { App } from '@slack/bolt';
import { LinearClient } from '@linear/sdk';
import { Pool } from 'pg';
import { createClient } from 'redis';

// Community bot posts patch notes to Discord.
export const discord = new REST({ version: '10' }).setToken('MjE2MjMwMTA4Mjc3Nzg3ODg3Mg.5Oe796.4aaEIAfTCM4r1QMI-hdsWVWsXVrn_cNO9Kj6eS');

export const slack = new App({
  token: process.env.SLACK_BOT_TOKEN,
  signingSecret: 'c386fb4e27cb23d8c941fbe96fad4b9c',
});

export const linear = new LinearClient({ apiKey: 'lin_api_rNbxLdDFzbsIfrmKb4dQvArDPeCktjJFPRup1bW0' });

const headers = new Headers();
headers.set('Authorization', `Bearer ${'xai-YqQjj71ksYYPSm4gcdFMqjHDioehVTTBglR3waCbfuFPqIg4VPQWMWv4EkSHSgsA4YJSjTdSAUvknD3p'}`);
export const grokHeaders = headers;

export const analytics = new Pool({
  connectionString: 'postgres://liveops_ro:gWbYbwxnaoHou0zNMw3UBhV4@analytics-db.internal:5432/events',
  max: 10,
});

export const cache = createClient({ url: 'rediss://default:Ruyvcyg3wMO2zSRYl2rTCZ@cache.plover.internal:6380' });

export const PUBLIC_POSTHOG_KEY = 'phc_o198oryfzI71jRauirPsuDmhIkODd57NlgeNgoPThrp';
