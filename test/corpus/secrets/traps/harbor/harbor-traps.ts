// Harbor dispatch front end: nothing in this file is a credential.
import { z } from 'zod';

export const settings = {
  apiKey: process.env.HARBOR_API_KEY,
  clientSecret: process.env['HARBOR_CLIENT_SECRET'] ?? '',
  apiKeyHeader: 'X-Harbor-Api-Key',
  tokenStorageKey: 'harbor.auth.token',
  passwordMinLength: 12,
  secretName: 'harbor-dispatch',
};

export const labels = {
  password: 'Password',
  passwordConfirm: 'Confirm your password',
  apiKeyHelp: 'Create an API key in Settings → Integrations, then paste it here.',
  tokenExpired: 'Your token has expired.',
};

export const credentialsSchema = z.object({
  apiKey: z.string().min(24),
  password: z.string().min(12),
});

export function passwordInput(el: HTMLInputElement): void {
  el.type = 'password';
  el.autocomplete = 'current-password';
}

export const secretRef = '${{ secrets.HARBOR_TOKEN }}';
export const helmRef = '{{ .Values.harbor.apiKey }}';
export const requestId = '3a480e16-97ce-487d-9890-ada1600797b9';
export const buildHash = '7215ffca4644b5cc26da83b3d8d7b302c6f6e4ba';
export const maskedToken = '••••••••••••';
export const tokenPattern = /^hbr_[A-Za-z0-9]{32}$/;
export const logo = 'data:image/png;base64,Y73IQ2Z6zPw8/h70N8M8uOWWtjjMe6qPDS89PD7Hlx0ZNlF/08W8p2F1yC/OU2Hlvdqcdu43CFA6h6b0CUIrVNh2A2svZ2qtT9uzuin8aCxTlil1W9+AUT0Y9tUvkpYR4KMwZIxt38gSdUT/e+3dSOtNVwllidXQtbVl+NOS9uGUfDpyfi91vgW5LIZvC9XEAWG62uBvKtTcmr2vr5TMd3xd7db8r1ADL0AfPjV/sTIONXMm';
