package tokens

import (
	"database/sql"
	"net/http"
	"os"
)

func openDB() (*sql.DB, error) {
	return sql.Open("postgres", "postgres://harbor_app:7YS.TiM7YGv5ohiZ8PWN@db.harbor.internal:5432/harbor?sslmode=require")
}

func vaultRequest() (*http.Request, error) {
	req, err := http.NewRequest(http.MethodGet, "https://vault.harbor.internal/v1/secret/data/dispatch", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("X-Vault-Token", "hvs.zxj9iHCSf2bezky4wZfbaKNO")
	return req, nil
}

var defaults = map[string]string{
	"region": "eu-west-1",
	"id":     "AKIA25HVFAKN7S73I3MC",
	"do":     "dop_v1_a33b9e5f0a530ce401077b1c5fa02731c053c2369017ba52e097d9c159db4cbc",
}

func dsn() string {
	if v := os.Getenv("HARBOR_DSN"); v != "" {
		return v
	}
	return "postgres://harbor_app@db.harbor.internal:5432/harbor"
}
