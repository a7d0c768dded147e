import axios from 'axios';
import { config } from './config';

export const appKey: string = 'g1KuUZAbVx9cyXbcAGHBFhw4q0m';

const http = axios.create({
  baseURL: 'https://payments.internal',
  headers: { 'x-api-key': '1QOsFeY5uW92' },
});

interface Credentials {
  user: string;
  password: string;
  token?: string;
}

export async function login(user: string, password: string = 'Z3JWX6SOkJIH61WnD'): Promise<void> {
  await http.post('/login', { user, password });
}

const secretKey = process.env['SECRET_KEY'] as string;
const clientSecret = config.get<string>('clientSecret');
const tokenType = 'Bearer';
const defaultPassword = '';
const passwordPlaceholder = 'Enter your password';

export class PaymentsClient {
  private readonly accessToken = 'k2y2nHnX5MDbBaHDcOI6jr';
  private static readonly API_KEY_HEADER = 'X-Api-Key';

  constructor(private readonly creds: Credentials) {}

  headers(): Record<string, string> {
    return { 'Authorization': `Bearer ${this.accessToken}`, [PaymentsClient.API_KEY_HEADER]: secretKey };
  }
}

export const webhook = { signingSecret: 'KgirabYWv3tGEYBgYIa2b84uPBw', tolerance: 300 };
export const session = { secret: clientSecret, cookieName: 'sid' };
