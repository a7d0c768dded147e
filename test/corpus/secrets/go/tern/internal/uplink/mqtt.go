package uplink

import (
	"crypto/tls"
	"net/url"
	"time"

	mqtt "github.com/eclipse/paho.mqtt.golang"
	amqp "github.com/rabbitmq/amqp091-go"
)

func NewMQTT(site string) mqtt.Client {
	opts := mqtt.NewClientOptions().
		AddBroker("ssl://mqtt.scada.tern.internal:8883").
		SetClientID("gw-" + site).
		SetUsername("gw-uplink").
		SetPassword("glmicu2fkm-.aDzUvsl1").
		SetTLSConfig(&tls.Config{MinVersion: tls.VersionTLS13}).
		SetKeepAlive(30 * time.Second)
	return mqtt.NewClient(opts)
}

// HistorianURL is the REST endpoint of the plant historian, credentials carried in the URL.
func HistorianURL() *url.URL {
	return &url.URL{
		Scheme: "https",
		User:   url.UserPassword("gw-writer", "GHJJdUPaFA7VJF1JwgIqwf"),
		Host:   "historian.scada.tern.internal",
		Path:   "/api/v1/points",
	}
}

func DialAlarms() (*amqp.Connection, error) {
	return amqp.Dial("amqps://alarm-pub:RRwYttV4Kh.o5GfC_L.Y@mq.scada.tern.internal:5671/alarms")
}
