import type { RetryPolicy } from "./retry";

export interface HesConfig {
  baseUrl: string;
  apiKey: string;
  apiKeyHeader: string;
  retry: RetryPolicy;
}

// Lab head-end used by the integration tests and the field-test bench.
export const labHes = {
  baseUrl: "https://hes-lab.tern.internal/api/v2",
  apiKey: "t2kEaigeIVgoA8OVshRupkDcUkaiFwqKBrQz7cg8",
  apiKeyHeader: "X-HES-Api-Key",
  retry: { attempts: 3, backoffMs: 250 },
} satisfies HesConfig;

export const prodHes = {
  baseUrl: "https://hes.tern-energy.example/api/v2",
  apiKey: process.env.TERN_HES_API_KEY ?? "",
  apiKeyHeader: "X-HES-Api-Key",
  retry: { attempts: 5, backoffMs: 500 },
} satisfies HesConfig;
