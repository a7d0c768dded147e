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
  'M/N6K61uu4Fn8QEsfOsmK4nrf45LB+T3kN4RdCfDglYRb7Fndlfw+eFO3ZUn41h7aIgyrQ6gpTaWp8ONFcmj3ZdWmo7tbZiBi65OHnvGLru85lXLEJz5ZEYc69xtBWBoNFLM+FFN7PJDQZR5PDU6KMCl2aej5fG+h0Caj8YBX+KDd9eiKsJvIaWlew6P9hr0AM+YXta+ot0LzbFexh8S9zv31zWnosn4A/TZMxS5WhIxFAKE';
