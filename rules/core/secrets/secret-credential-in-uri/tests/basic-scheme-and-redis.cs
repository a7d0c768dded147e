// Basic credentials passed apart from their scheme, here on the call's continuation line.
client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
// expect: secret-credential-in-uri@15-51
    "Basic", "c3ZjLWRpc3BhdGNoOldkNWtQOHNOM2hKMnhR");
// expect-not: secret-credential-in-uri
var bearer = new AuthenticationHeaderValue("Bearer", token);
// expect-not: secret-credential-in-uri
var scheme = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(bytes));
// StackExchange.Redis configuration strings: host:port, then options, the password among them.
// expect: secret-credential-in-uri@43-57
var cache = "cache.internal:6380,password=Tq7mR2xW9kL4pZ,ssl=True,abortConnect=False";
// expect-not: secret-credential-in-uri
var cacheFromEnv = "cache.internal:6380,password=${REDIS_PASSWORD},ssl=True";
// An interpolated C# string reads the password at run time: a lookup, not a literal.
// expect-not: secret-credential-in-uri
var cacheInterpolated = $"cache.internal:6380,ssl=true,password={Environment.GetEnvironmentVariable("REDIS_PASSWORD")}";
// expect-not: secret-credential-in-uri
var cacheNoPassword = "cache.internal:6380,ssl=True,abortConnect=False";
