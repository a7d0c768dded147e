// MSW handlers for the public quote site's local dev server (npm run dev:mock)
import { http, HttpResponse } from 'msw';

const QUOTE_API = 'https://api.curlew-insurance.example/quote/v2';

export const handlers = [
  http.post(`${QUOTE_API}/oauth/token`, () =>
    HttpResponse.json({
      access_token: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtczVtcXUwIiwiaXNzIjoiY3VybGV3LWF1dGgiLCJhdWQiOiJjdXJsZXctYXBpIiwiaWF0IjoxNzk2Njc1MzA1LCJleHAiOjE4MjgyMTEzMDUsImp0aSI6IjIzNTg5MzY4LWE3NGUtNDlmZC04ZmUzLTk1YjUxYjMyNTMxMiJ9.Qsp0Tl1BYIY68jsvQ_3K6w8KmHtB3wmK4Kh8iNS7yxA',
      token_type: 'Bearer',
      expires_in: 3600,
    }),
  ),
  http.get(`${QUOTE_API}/vehicles/:reg`, ({ params }) =>
    HttpResponse.json({ registration: params.reg, make: 'VAUXHALL', model: 'CORSA', abiCode: '32120102' }),
  ),
  http.get(`${QUOTE_API}/config`, () =>
    HttpResponse.json({
      recaptchaSiteKey: '6LcXf4wVi3ZPqQxx2kd1ObpCgelAAAAAAAB',
      stripePublishableKey: 'pk_live_51oYIQva347h8ItGvaESktAnHFdyUlXsqT7UUPoKoNYmbgW9CBzVzCIzU6ixg6RqNNGnf0g0zM24sdhwnFDqiH6b7G3DvhsNeZv',
      apiKeyHeader: 'X-Curlew-Api-Key',
      tokenTtlSeconds: 900,
    }),
  ),
];
