package traps

import (
	"context"
	"os"

	secretmanager "cloud.google.com/go/secretmanager/apiv1"
	"cloud.google.com/go/secretmanager/apiv1/secretmanagerpb"
)

const (
	apiKeyHeader   = "X-Puffin-Key"
	secretName     = "projects/puffin-ferries/secrets/booking-db/versions/latest"
	passwordMinLen = 12
	tokenTTL       = "15m"
)

type Credentials struct {
	Password string `json:"password"`
	APIKey   string `json:"api_key"`
}

func Load(ctx context.Context) (*Credentials, error) {
	client, err := secretmanager.NewClient(ctx)
	if err != nil {
		return nil, err
	}
	res, err := client.AccessSecretVersion(ctx, &secretmanagerpb.AccessSecretVersionRequest{Name: secretName})
	if err != nil {
		return nil, err
	}
	return &Credentials{Password: string(res.Payload.Data), APIKey: os.Getenv("PUFFIN_API_KEY")}, nil
}

var dbPassword = os.Getenv("DB_PASSWORD")
var sessionKey, _ = os.LookupEnv("SESSION_KEY")
var requestID = "74ed4549-449e-4949-a0fe-ca57b612e5a4"
var buildCommit = "5e1ec9b32338e93686908acee6840048c78a448e"
