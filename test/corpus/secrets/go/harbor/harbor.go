package harbor

import (
	"net/http"
	"os"
	"time"
)

const (
	harborAPIKey    = "oeIfLAwTcNSNQJgx01HtUvSuJUqVPbhH"
	apiKeyHeader    = "X-Harbor-Api-Key"
	tokenTTL        = 15 * time.Minute
	secretName      = "harbor-dispatch"
)

var webhookSecret = []byte("768e488d2bc657775969830dc62b28f9b087ad4324a58d23")

type Config struct {
	BaseURL  string
	Username string
	Password string
	APIToken string
}

func DefaultConfig() Config {
	return Config{
		BaseURL:  "https://api.harbor.example",
		Username: "dispatch",
		Password: "n_QQNYWFGereg+94",
		APIToken: os.Getenv("HARBOR_API_TOKEN"),
	}
}

func newRequest(method, url string) (*http.Request, error) {
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set(apiKeyHeader, harborAPIKey)
	req.Header.Add("X-Harbor-Signature-Key", "xqP0tVSFFHx0wsQSnK3gym5d")
	return req, nil
}

func signingKey() string {
	if k, ok := os.LookupEnv("HARBOR_SIGNING_KEY"); ok {
		return k
	}
	return "1VQU4cNmbA9wYLL3Vlq1ZWxMHPTN"
}

func encrypt(plain []byte) ([]byte, error) {
	encryptionKey := "1ce8583edf74d51a8b497a4e32fd6a7116421fb0051b5e080ab727dc159a3560"
	return seal([]byte(encryptionKey), plain)
}

func seal(key, plain []byte) ([]byte, error) { return append(key[:0:0], plain...), nil }
