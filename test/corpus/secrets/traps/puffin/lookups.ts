export const API_KEY_HEADER = 'X-Puffin-Key';
export const SECRET_NAME = 'booking-db';

export const config = {
  stripeKey: process.env.STRIPE_SECRET_KEY!,
  sessionSecret: process.env.SESSION_SECRET ?? '',
  dbPassword: import.meta.env.VITE_DB_PASSWORD,
  tokenTtl: Number(process.env.TOKEN_TTL ?? 900),
  passwordMinLength: 12,
  passwordLabel: 'Password',
};

export enum Header {
  ApiKey = 'X-Api-Key',
  Auth = 'Authorization',
}

export const jwtHeaderOnly = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9';
export const logo = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAA/Fx+wH0q+R2ryUy3krWsKpDZARkuD2DvW7AsamXqPD1GcPOqHzUptherIo7Uq8wLQcnTF0HAQcMRC2YWEPwBH6Y5LvA968OHZUmBPTv7dKVyh2Av9HV0G7Qhvd64lGX/V22EDmMdUeDrd2NBUao7uodY3QJGXb/w';
