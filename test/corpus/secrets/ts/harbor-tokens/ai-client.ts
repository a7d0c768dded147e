import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY ?? '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' });
const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });

const models = {
  summarise: { provider: 'anthropic', auth: 'sk-ant-api03-wVTU3mQDjYuUdjaMOByixBtFbLseNxJIi_YIIOjPNtq54ycDIosWNDmxRVj9hNSS1wnIOvxTbQlPX7Y089NW2k80qk8f0AA' },
  embed: { provider: 'hf', auth: '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' },
};

export async function summarise(text: string): Promise<string> {
  const res = await fetch('https://api.harbor.example/v2/summaries', {
    headers: { Authorization: 'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4MjRlODRhZS1mYzYxLTQ4NmItYWI5Ni0zY2Y3NTYwZGI1YWYiLCJpc3MiOiJodHRwczovL2F1dGguaGFyYm9yLmV4YW1wbGUiLCJhdWQiOiJkaXNwYXRjaC1hcGkiLCJpYXQiOjE3ODAyODA2MDgsImV4cCI6MTgxMTgxNjYwOCwic2NvcGUiOiJtYW5pZmVzdHM6d3JpdGUifQ.7YYZKXoK7SKbMvtLWfprZmjRhfmmI1Tqf8jvqkVDsHI' },
    method: 'POST',
    body: JSON.stringify({ text }),
  });
  return res.text();
}

// The header of every dispatch token, for the docs: not a token.
export const JWT_HEADER_EXAMPLE = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9';
export const TOKEN_FORMAT_DOC = 'Tokens look like sk-ant-api03-… (Anthropic) or hf_… (Hugging Face).';
export { openai, anthropic, models };
