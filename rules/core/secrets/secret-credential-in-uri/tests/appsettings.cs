// ADO.NET connection strings: the password may come before or after the server.
// expect: secret-credential-in-uri@92-104
var primary = "Server=tcp:sql.internal,1433;Initial Catalog=shop;User ID=shop_app;Password=Mq9#vT4zL7xR;Encrypt=True;";
// expect: secret-credential-in-uri@58-70
var legacy = "Data Source=sql01;Database=crm;Uid=crm;Pwd=Wd5kP8sN3hJ2;";
// expect: secret-credential-in-uri@26-38
var reversed = "Password=Ys2nB7qK4vC9;Server=sql02;Database=hr;User Id=hr_app;";
// expect-not: secret-credential-in-uri
var integrated = "Server=sql.internal;Database=shop;Integrated Security=SSPI;";
// expect-not: secret-credential-in-uri
var placeholder = "Server=sql.internal;Database=shop;User ID=app;Password={your_password};";
// expect-not: secret-credential-in-uri
var fromConfig = $"Server={host};Database=shop;User ID=app;Password={password};";
