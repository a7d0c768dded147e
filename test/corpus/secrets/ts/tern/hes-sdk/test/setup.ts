import { beforeEach, vi } from "vitest";

beforeEach(() => {
  vi.stubEnv("TERN_HES_API_KEY", "ciN2OFgTPhoAnQNzmhesZnkoWN8BhKOswJzopdXk");
  vi.stubEnv("TERN_HES_API_KEY_HEADER", "X-HES-Api-Key");
  vi.stubEnv("TERN_HES_TOKEN_TTL", "900");
});
