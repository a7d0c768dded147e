package config

import (
	"os"
	"time"

	"github.com/kelseyhightower/envconfig"
)

// Config is read from PUFFIN_* environment variables; the defaults are for the docker-compose dev stack.
type Config struct {
	ListenAddr     string        `envconfig:"LISTEN_ADDR" default:":8080"`
	DBPassword     string        `envconfig:"DB_PASSWORD" default:"AeqBz-cZ0~RkHUzj-7pN"`
	SessionKey     string        `envconfig:"SESSION_KEY" default:""`
	TokenTTL       time.Duration `envconfig:"TOKEN_TTL" default:"15m"`
	APIKeyHeader   string        `envconfig:"API_KEY_HEADER" default:"X-Puffin-Key"`
	VaultAddr      string        `envconfig:"VAULT_ADDR" default:"https://vault.puffin.internal:8200"`
	SentryDSN      string        `envconfig:"SENTRY_DSN"`
}

var (
	fleetUser     = "fleet-sync"
	fleetPassword = os.Getenv("FLEET_PASSWORD")
	tideAPIKey    = os.Getenv("TIDE_API_KEY")
)


func Load() (*Config, error) {
	var c Config
	if err := envconfig.Process("puffin", &c); err != nil {
		return nil, err
	}
	return &c, nil
}
