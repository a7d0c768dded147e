package traps

import (
	"os"

	vault "github.com/hashicorp/vault/api"
)

const (
	EnvRadiusSecret = "RADIUS_SECRET"
	HeaderAPIKey    = "X-API-Key"
	TokenTTL        = 900
)

type Config struct {
	RadiusSecret string `env:"RADIUS_SECRET,required"`
	SNMPAuth     string `env:"SNMP_AUTH_PASSPHRASE"`
	PdnsAPIKey   string `yaml:"pdns_api_key"`
}

func Load(c *vault.Client) (*Config, error) {
	s, err := c.KVv2("netops").Get(nil, "pdns")
	if err != nil {
		return nil, err
	}
	return &Config{
		RadiusSecret: os.Getenv(EnvRadiusSecret),
		SNMPAuth:     os.Getenv("SNMP_AUTH_PASSPHRASE"),
		PdnsAPIKey:   s.Data["api_key"].(string),
	}, nil
}
