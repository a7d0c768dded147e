package config

import (
	"os"
	"time"
)

type Config struct {
	ListenAddr   string
	DSN          string
	JWTSecret    string
	MQTTPassword string
	TokenTTL     time.Duration
}

func getenv(k, def string) string {
	if v, ok := os.LookupEnv(k); ok {
		return v
	}
	return def
}

func Load() Config {
	return Config{
		ListenAddr:   getenv("LISTEN_ADDR", ":8443"),
		DSN:          getenv("TELEMETRY_DSN", "host=tsdb.internal user=ingest password=dASEh1nSuhM0oLxrF0X83A dbname=telemetry sslmode=require"),
		JWTSecret:    getenv("JWT_SECRET", "6Vw4PgEedl21Qra1y2WmoSY4Fnh4ikfmrSlTeIuJ"),
		TokenTTL:     15 * time.Minute,
	}
}
