package lookups

import (
	"fmt"
	"os"
)

const apiKeyHeader = "X-Provisioning-Key"
const passwordMinLength = 12

var (
	kafkaPassword = os.Getenv("KAFKA_PASSWORD")
	vaultToken, _ = os.LookupEnv("VAULT_TOKEN")
	natsURL       = fmt.Sprintf("nats://provisioner:%s@nats:4222", os.Getenv("NATS_PASSWORD"))
	secretName    = "kestrel/provisioner/prod"
	tokenTTL      = "15m"
)
