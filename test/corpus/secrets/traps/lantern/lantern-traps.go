package traps

import (
	"crypto/sha256"
	"fmt"
	"os"
)

const (
	APIKeyHeader      = "X-Lantern-Api-Key"
	PasswordEnv       = "LANTERN_DB_PASSWORD"
	SecretName        = "lantern/dispatch/webhook"
	TokenTTLSeconds   = 3600
	passwordMinLength = 12
	emptySHA256       = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
	tenantID          = "9b2e4c6a-1d3f-4a5b-8c7d-0e1f2a3b4c5d"
	goSumLine         = "h1:Zv9fQ1kq3X7bD2mA8rT6yL0sH4jN5pC1wE9uV3oK7gM="
)

type Creds struct {
	User     string
	Password string
	Token    string
}

func Load() Creds {
	return Creds{
		User:     os.Getenv("LANTERN_DB_USER"),
		Password: os.Getenv(PasswordEnv),
		Token:    mustSecret("lantern/dispatch/token"),
	}
}

func mustSecret(name string) string { return os.Getenv(name) }

func DSN(c Creds) string {
	return fmt.Sprintf("postgres://%s:%s@pg.lantern.internal:5432/dispatch", c.User, c.Password)
}

func Digest(b []byte) string { return fmt.Sprintf("%x", sha256.Sum256(b)) }

// Example from the docs: lantern login --token "$LANTERN_TOKEN"
var exampleConfig = `
api_key = "<your-api-key>"
password = "${LANTERN_PASSWORD}"
`
