export function withOrigin(request: Request, env: { ORIGIN_USER: string; ORIGIN_PASSWORD: string }): Request {
  const upstream = new Request(request);
  // expect: secret-credential-in-uri@63-83
  upstream.headers.set('Authorization', 'Basic ' + btoa('edge:ll.8YmUA4v2YDgGqo!5j'));
  // expect-not: secret-credential-in-uri
  upstream.headers.set('Authorization', 'Basic ' + btoa(`${env.ORIGIN_USER}:${env.ORIGIN_PASSWORD}`));
  return upstream;
}
