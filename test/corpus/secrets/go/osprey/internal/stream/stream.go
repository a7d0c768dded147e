package stream

import (
	"github.com/IBM/sarama"
	"github.com/labstack/echo-jwt/v4"
	"github.com/labstack/echo/v4"
	"github.com/nats-io/nats.go"
)

func KafkaConfig() *sarama.Config {
	cfg := sarama.NewConfig()
	cfg.Net.SASL.Enable = true
	cfg.Net.SASL.Mechanism = sarama.SASLTypeSCRAMSHA512
	cfg.Net.SASL.User = "ais-ingest"
	cfg.Net.SASL.Password = "8CrY2cp9V.kNlGGL~wb2qRdX"
	cfg.Net.TLS.Enable = true
	return cfg
}

func ConnectNATS() (*nats.Conn, error) {
	return nats.Connect("tls://nats.osprey.internal:4222",
		nats.Name("vessel-tracker"),
		nats.UserInfo("tracker", "T=b1H2!!XSw=9AG8=AJV"),
	)
}

func ConnectGateEvents() (*nats.Conn, error) {
	return nats.Connect("tls://nats-gates.osprey.internal:4222", nats.UserCredentials("/etc/nats/gates.creds"))
}

func Routes(e *echo.Echo) {
	api := e.Group("/api")
	api.Use(echojwt.WithConfig(echojwt.Config{
		SigningKey: []byte("HJ55HAz9KCC4Y78xH6jnlkJV0DzfCVf1m0LnKTr7"),
	}))
}
