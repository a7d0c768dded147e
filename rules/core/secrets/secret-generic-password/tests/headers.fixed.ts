// An Authorization header's credential in an object literal, after its scheme.
export function legacyHeaders(): Record<string, string> {
  // expect: secret-generic-password@35-55
  return { Authorization: 'Bearer 5pDKqian4qEvt3WiFAKE' };
}

export function headers(token: string): Record<string, string> {
  // expect-not: secret-generic-password
  return { Authorization: `Bearer ${token}` };
}

// A license key over 200 characters, on the line after its key.
export const LICENSE_KEY =
  // expect: secret-generic-password@4-244
  process.env.LICENSE_KEY;
