import OpenAI from 'openai';
import { initAssistant } from './assistant-core';
import type { ModelRoute } from './types';

// Which vendor answers which notebook question; keys per vendor so the finance team can split the bill.
const vendorKeys: Record<ModelRoute, string> = {
  summarise: 'sk-svcacct-L1dEGmMaH4WCDELIxAFZ52ixTntixEGlaPkWbNEuKo2ghmrAoIu7niEG5T3BlbkFJbsXIZ0oDFWhUBO0j4KZI_3ysk-U8Gax7R7yHRhMsTg6zD_C8_0L5P5m8bR',
  protocols: process.env.OPENAI_PROTOCOLS_KEY ?? '',
};

export const openai = new OpenAI({ apiKey: vendorKeys.summarise, organization: 'org-LYL2aZXqfh02vg3ZQ4EyP58N' });

export const assistant = initAssistant(
  'claude-sonnet-4-5',
  'sk-ant-api03-3idOqBEgFnwLRPIM6hJnGb7SZnIICyFJMfbGSpAXEkYVpYdDd_C44zF9l-FHi6oOjOq-0sFqWTUyvW4djTOFf6Rbcg4OZAA',
  { maxTokens: 2048 },
);
