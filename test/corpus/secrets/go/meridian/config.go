package config

import (
	"database/sql"
	"net/http"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/sendgrid/sendgrid-go"
)

// TokenHeader is the header the gateway reads the clinic token from.
const TokenHeader = "X-Clinic-Token"

const (
	TokenKindAccess  = "access"
	TokenKindRefresh = "refresh"
)

type Config struct {
	DSN          string
	HMACKey      []byte
	VaultAddr    string
	VaultToken   string
	ReminderFrom string
}

func Default() Config {
	return Config{
		DSN:          "host=db.meridian.internal port=5432 user=scheduler password=QBGZpyzjEt1jjNU1X8-AXYA dbname=scheduling sslmode=require",
		HMACKey:      []byte("1ccdb94153cdd9cd65d20d557ba0438ba196484d2f369175da06003293071a66"),
		VaultAddr:    "https://vault.meridian.internal:8200",
		VaultToken:   os.Getenv("VAULT_TOKEN"),
		ReminderFrom: "reminders@meridianhealth.example",
	}
}

func Open(cfg Config) (*sql.DB, error) {
	db, err := sql.Open("pgx", cfg.DSN)
	if err != nil {
		return nil, err
	}
	db.SetConnMaxLifetime(30 * time.Minute)
	return db, nil
}

func Mailer() *sendgrid.Client {
	return sendgrid.NewSendClient("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")
}

func SignInvite(clinicID string) (string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"clinic": clinicID})
	return t.SignedString([]byte(`NlqzVQEUUzXj0TNHzi21rLZz6JehGLh3sG2usmzf`))
}

func vaultRequest(path string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodGet, "https://vault.meridian.internal:8200/v1/"+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Add("X-Vault-Token", "hvs.HyNI4EXL6kdguEiOWAK-5XtEyHRE4xCtejxaSwh6uuFVvGX2DcgdaQzgqTKxLl5aR4v7QgfpE1RmI5vhxp98k0pVDSk")
	return req, nil
}

var secretNames = map[string]string{
	"db":     "meridian/prod/db-password",
	"stripe": "meridian/prod/stripe-secret-key",
}
