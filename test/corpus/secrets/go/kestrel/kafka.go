package events

import (
	"crypto/sha512"
	"os"

	"github.com/IBM/sarama"
	"github.com/xdg-go/scram"
)

var SHA512 scram.HashGeneratorFcn = sha512.New

// NewProducer connects to the MSK cluster with SCRAM-SHA-512.
func NewProducer(brokers []string) (sarama.SyncProducer, error) {
	cfg := sarama.NewConfig()
	cfg.Net.TLS.Enable = true
	cfg.Net.SASL.Enable = true
	cfg.Net.SASL.Mechanism = sarama.SASLTypeSCRAMSHA512
	cfg.Net.SASL.User = "stb-events"
	cfg.Net.SASL.Password = os.Getenv("KAFKA_PASSWORD")
	cfg.Producer.Return.Successes = true
	return sarama.NewSyncProducer(brokers, cfg)
}
