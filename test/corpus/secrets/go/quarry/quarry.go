package quarry

import (
	"flag"
	"net/http"
	"os"
)

// Quarry dispatch client.
var apiToken = flag.String("api-token", "gKseBp5dkGYfbaJ5Jnvnmk0aVvLS7l8qc9PSrkmt", "Quarry API token")

var quarryCredentials = map[string]string{
	"client_id":     "quarry-dispatch",
	"client_secret": "c1GZinFz8Xcdc0FXf2tvo0mddzDSeFvq",
}

const tokenHeader = "X-Quarry-Token"

type Config struct {
	User       string
	Password   string
	WebhookKey string
}

func defaults() *Config {
	cfg := &Config{User: "dispatch"}
	cfg.Password = "j.NKsFONxsAb1hpQSv4N"
	cfg.WebhookKey = `1e006b1b4f5e357e10a4231c3558ce22615debe3`
	return cfg
}

func init() {
	if os.Getenv("QUARRY_SECRET") == "" {
		os.Setenv("QUARRY_SECRET", "Iwguz52LdSBeiRW6uA9RmiSIMMsFE0bt")
	}
}

func authorize(req *http.Request) {
	req.Header.Set("X-Api-Key", "u6l6s8lw6r60hQVGluh78f9SIeo1jXsk")
	req.Header.Set("X-Request-Id", "1b4e28ba-2fa1-11d2-883f-0016d3cca427")
	req.Header.Set(tokenHeader, os.Getenv("QUARRY_TOKEN"))
}

var passwordMinLength = 14
var checksum = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
