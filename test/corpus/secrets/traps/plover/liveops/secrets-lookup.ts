import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';

export const SECRET_NAME = 'arena/prod/playfab';
export const API_KEY_HEADER = 'X-Api-Key';
export const TOKEN_TTL_SECONDS = 900;
export const passwordPolicy = { minLength: 12, requireSymbol: true };

const sm = new SecretsManagerClient({ region: 'eu-central-1' });

export async function playfabSecret(): Promise<string> {
  const out = await sm.send(new GetSecretValueCommand({ SecretId: SECRET_NAME }));
  return out.SecretString ?? '';
}

export const steamKey = process.env.STEAM_WEB_API_KEY ?? '';
export const eosSecret = import.meta.env?.VITE_EOS_CLIENT_SECRET;
export const discordToken: string = process.env['DISCORD_BOT_TOKEN']!;
export const stripePublishable = 'pk_live_51oCbB4b9LEpClBdMitHb33Qv9jKjsVsRcly9Y3EecWs6mIr6Rh6UVZrJnjqXLtciHAGvUquZI8Hgnv1h4GAClxruhYbES4GIVj';
export const mapboxPublic = 'pk.eyJ1IjoicGxvdmVyIiwiYSI6ImJoPRokJrRDoktS2gtVL3ty.DaZiaDtA8PaP0mDn6a093A';
export const googleOAuthClientId = '668831578414-m0uqcksimzj6ziqo15onm5w71f1fxd4v.apps.googleusercontent.com';
export const recaptchaSiteKey = '6LeB3vDwWIU7x4MObPbZ2I1HwX5gFezS25C378pA';
