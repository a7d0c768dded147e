import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { generateText } from 'ai';

// Summarises delay reasons from the berth log for the customer portal.
const openai = createOpenAI({ apiKey: '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', compatibility: 'strict' });
const anthropic = createAnthropic({
  apiKey: 'sk-ant-api03-J0GhWUl5muaJfPjiN5i1auCu-mwtF2ei4SH0ygRPlEXX8p_vbNtHGOFxf7sMAtvpVwMCzaXub8Mq8v_iJHc709OsRqRsaAA',
});

export async function summariseDelays(log: string, provider: 'openai' | 'anthropic' = 'anthropic') {
  const model = provider === 'openai' ? openai('gpt-4o-mini') : anthropic('claude-3-5-haiku-latest');
  const { text } = await generateText({ model, prompt: `Summarise the delay reasons:\n${log}` });
  return text;
}

export async function searchRegulations(query: string) {
  const res = await fetch('https://api.perplexity.ai/chat/completions', {
    method: 'POST',
    headers: { Authorization: 'Bearer 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', 'Content-Type': 'application/json' },
    body: JSON.stringify({ model: 'sonar', messages: [{ role: 'user', content: query }] }),
  });
  return res.json();
}
