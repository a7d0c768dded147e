import { z } from 'zod';

const Env = z.object({
  ELN_BASE_URL: z.string().url().catch('https://eln.avocet.bio'),
  ELN_WEBHOOK_SECRET: z.string().min(32).catch('fd52e2e664af8063bcdaf1c70db92b8ccbd032b0504841d7'),
  ELN_TOKEN_HEADER: z.string().catch('X-Auth-Token'),
  LIMS_API_KEY: z.string().min(20),
  PAGE_SIZE: z.coerce.number().catch(200),
});

export const env = Env.parse(process.env);
