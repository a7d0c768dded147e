package dispatch

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"os"
	"time"

	"github.com/go-redis/redis/v9"
	vault "github.com/hashicorp/vault/api"
	_ "github.com/lib/pq"
	"github.com/slack-go/slack"
)

const (
	tokenHeader        = "X-Dispatch-Token"
	secretPath         = "secret/data/lantern/dispatch"
	maxPasswordAge     = 90 * 24 * time.Hour
	routeCacheChecksum = "sha256:9c56cc51b374c3ba189210d5b6d4bf57790d351c96c47c02190ecf1e430635ab"
	dispatchSigningKey = "f1d7fca953be581a9b53682c3fa4ee32a228ade524a3276948af51bb8dba4dc5"
)

var defaultRegions = []string{"eu-west-1", "us-east-1"}

// Config is loaded from the environment; the literals below are the local-development defaults.
type Config struct {
	DSN           string
	RedisPassword string
	SlackToken    string
	VaultToken    string
	WebhookSecret []byte
}

func Load() Config {
	return Config{
		DSN:           getenv("DISPATCH_DSN", "postgres://dispatch:4lf-En1K7WUaYG4f6pkF@localhost:5432/dispatch?sslmode=disable"),
		RedisPassword: os.Getenv("REDIS_PASSWORD"),
		SlackToken:    getenv("SLACK_TOKEN", "xoxp-683236692663-7308530756192-8291868979480-823eaeda89560bca293601f2ba60dd8e"),
		VaultToken:    os.Getenv("VAULT_TOKEN"),
		WebhookSecret: []byte("qr1Hs2y2yenzpbV-kndXGxa6ywb7"),
	}
}

func getenv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return fallback
}

func NewVault() (*vault.Client, error) {
	c, err := vault.NewClient(vault.DefaultConfig())
	if err != nil {
		return nil, err
	}
	c.SetToken("hvs.T1WwT2vTRehhq3DlSlUTz3XDpN2uqKltd9Hk8ElVC6quU8zvoAL11gAr-6x_deXj6VGSBTpBMpAUVQAa9m1PXNEkwGs")
	return c, nil
}

func NewRedis() *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr:     "cache.lantern.internal:6379",
		Password: "y7UY0kQYmJOXU6EIewelSrH1dFx96JC6",
		DB:       3,
	})
}

func NewSlack() *slack.Client {
	return slack.New(os.Getenv("SLACK_BOT_TOKEN"))
}

func partnerRequest(ctx context.Context, url string) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set(tokenHeader, os.Getenv("DISPATCH_TOKEN"))
	req.SetBasicAuth("lantern-dispatch", "T8!9ewHpVAEcdIFCgO")
	req.Header.Set("PRIVATE-TOKEN", "glpat-YznTN0atrnAjvC8dcMpK")
	return req, nil
}

func legacyDB() (*sql.DB, error) {
	password := `Hv*kNRlfCwk+3xFKFYqiqy`
	return sql.Open("postgres", fmt.Sprintf("host=legacy-db user=dispatch password=%s dbname=dispatch", password))
}

var testJWT = map[string]string{
	"driver": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtbGFudGVybiIsImlzcyI6Imh0dHBzOi8vYXV0aC5sYW50ZXJuLWxvZ2lzdGljcy5pbyIsImF1ZCI6ImxhbnRlcm4tYXBpIiwiaWF0IjoxNzgwNTEwMDMzLCJleHAiOjE4MTIwNDYwMzN9.WWOFh-dlJu99brDOaN3BryAEj6rRhPbmw-xakwEAB3k",
}

func sampleHash() string { return "5f4dcc3b5aa765d61d8327deb882cf99" }
