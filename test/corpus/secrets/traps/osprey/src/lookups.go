package config

import "os"

type Config struct {
	DBPassword  string
	RedisPass   string
	SpireToken  string
	TokenHeader string
}

func Load() Config {
	return Config{
		DBPassword:  os.Getenv("DB_PASSWORD"),
		RedisPass:   mustEnv("REDIS_PASSWORD"),
		SpireToken:  os.Getenv("SPIRE_TOKEN"),
		TokenHeader: "X-Spire-Token",
	}
}

func mustEnv(key string) string {
	v, ok := os.LookupEnv(key)
	if !ok {
		panic("missing " + key)
	}
	return v
}
