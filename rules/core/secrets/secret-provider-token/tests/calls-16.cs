using System.Net.Http.Headers;

// Batch 16 (learn16-calls): Okta's SSWS scheme and its token as the header's two arguments.
var okta = new HttpClient();
// expect: secret-provider-token@83-125
okta.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("SSWS", "00nQtpOTHOex5qPuPmA41hiWB82nOJraar7uP2aWa4");
// The scheme in one header string.
// expect: secret-provider-token@20-62
var header = "SSWS 00nQtpOTHOex5qPuPmA41hiWB82nOJraar7uP2aWa4";
// expect-not: secret-provider-token
var other = new AuthenticationHeaderValue("SSWS", Environment.GetEnvironmentVariable("OKTA_TOKEN"));
