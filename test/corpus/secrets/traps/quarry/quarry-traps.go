package quarry

import "os"

// Nothing in this file is a secret.
const (
	APIKeyHeader      = "X-Quarry-Key"
	PasswordParam     = "password"
	TokenEndpoint     = "/oauth/token"
	SecretsMountPath  = "/run/secrets/quarry"
	DefaultPassword   = "<your-password>"
	ExampleAPIKey     = "YOUR_API_KEY_HERE"
	ImageDigest       = "sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9"
	TenantID          = "d3b07384-d113-4ec6-a5a2-6b7e4d1f9c0e"
	PasswordResetText = "We sent you a link to reset your password"
)

var (
	clientSecret = os.Getenv("QUARRY_CLIENT_SECRET")
	apiKey, _    = os.LookupEnv("QUARRY_API_KEY")
	secretKeyRef = "quarry-dispatch/client-secret"
	tokenTTL     = 900
	passwordHash = "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG"
)
