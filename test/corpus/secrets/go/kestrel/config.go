package config

import (
	"os"
	"time"
)

// Config of the set-top box provisioning service.
type Config struct {
	NATSURL         string
	KafkaUser       string
	KafkaPassword   string
	DeviceJWTSecret []byte
	OTAFeedToken    string
	TokenTTL        time.Duration
	APIKeyHeader    string
}

func getenv(k, def string) string {
	if v, ok := os.LookupEnv(k); ok {
		return v
	}
	return def
}

// Defaults used by `make run` on a laptop.
func Load() Config {
	return Config{
		NATSURL:         getenv("NATS_URL", "nats://provisioner:O0TuCAKdsYMlWK7wYLgrhpPL@127.0.0.1:4222"),
		KafkaUser:       "provisioner",
		KafkaPassword:   getenv("KAFKA_PASSWORD", ""),
		DeviceJWTSecret: []byte(getenv("DEVICE_JWT_SECRET", "Zyx1hLHDczCDnPttFeXcRcnLlvzg3mipsrYAusa7t9K7pJMv")),
		OTAFeedToken:    "1ogQ87r6BC06vWTCacYjXbqNC7LOg0RPYPPqalrt",
		TokenTTL:        15 * time.Minute,
		APIKeyHeader:    "X-Provisioning-Key",
	}
}
