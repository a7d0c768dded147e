// learn17-files: a `user:password` literal converted to bytes or base64 after `Basic`, whatever the conversion is called.
c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
        // expect: secret-credential-in-uri@74-90
        "Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("scanner:n8P84tGqJln4.vs6")));
// A host and port is no password.
// expect-not: secret-credential-in-uri
var probe = Check("Basic", Encoding.UTF8.GetBytes("localhost:8080"));
