import { http, HttpResponse } from "msw";

const KID_HEADER = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImRkZTgxMDY2Njg4MTJlYWUifQ";

export const handlers = [
  http.post("https://login.tern-energy.example/oauth/token", () =>
    HttpResponse.json({
      token_type: "Bearer",
      expires_in: 3600,
      access_token: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJwb3J0YWwtY3VzdG9tZXItNTUyMSIsImlzcyI6Imh0dHBzOi8vYXV0aC50ZXJuLWVuZXJneS5leGFtcGxlIiwiaWF0IjoxNzY3MjgzNDYwLCJleHAiOjE3OTg4MTk0NjB9.0LPgatYV-5JX11ugXh1r-O2wzC3_Zamw9Q6zG-AiOPI",
    }),
  ),
  http.get("https://portal-api.tern.internal/api/accounts/me", () => HttpResponse.json({ id: "ACC-5521", kid: KID_HEADER })),
];
