import Stripe from 'stripe';
import Anthropic from '@anthropic-ai/sdk';
import { LinearClient } from '@linear/sdk';
import { Octokit } from '@octokit/rest';

export const stripe = new Stripe('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', { apiVersion: '2024-06-20' });

export const assistant = new Anthropic({
  apiKey: 'sk-ant-api03-2ZWerB4m0u1BH8Tw1PypLksc7Jlh5jI3QKJmenmnPUv8ZckgT-5Pe5pEWn0dz2wFlINX4WCaa3XWuOnCgSCDTqikTWmI5AA',
});

export const linear = new LinearClient({ apiKey: 'lin_api_RsRmbBU3kZHgUUt3FiDfSuXfALkKQG33RL0md1bJ' });

// release bot, fine-grained PAT for the firmware repo
export const octokit = new Octokit({ auth: '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' });

export const partnerSecrets: Record<string, string> = {
  agriLedger: '617fff166366fff952187683e9baf259bbaa426021bee165e71d1b3a4af04ad4',
};

export const STRIPE_PUBLISHABLE = 'pk_live_51Jnpr2Lq0000000000000000000000000000000000000000000';
export const ALGOLIA_SEARCH_ONLY_KEY = 'c3d6b7a1f0e94a2b8d5c6e7f8a9b0c1d';
export const API_KEY_HEADER = 'X-Api-Key';
