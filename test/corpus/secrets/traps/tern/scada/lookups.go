package scada

import (
	"context"
	"os"

	secretmanager "cloud.google.com/go/secretmanager/apiv1"
	"cloud.google.com/go/secretmanager/apiv1/secretmanagerpb"
	"github.com/spf13/viper"
)

type Credentials struct {
	HESAPIKey   string `envconfig:"HES_API_KEY" required:"true"`
	MQTTPassword string `envconfig:"MQTT_PASSWORD"`
}

func Load(ctx context.Context, c *secretmanager.Client) (Credentials, error) {
	res, err := c.AccessSecretVersion(ctx, &secretmanagerpb.AccessSecretVersionRequest{Name: "projects/tern-ot/secrets/historian-password/versions/latest"})
	if err != nil {
		return Credentials{}, err
	}
	_ = res
	return Credentials{HESAPIKey: os.Getenv("HES_API_KEY"), MQTTPassword: viper.GetString("mqtt.password")}, nil
}
