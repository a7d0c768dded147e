package main

import (
	"database/sql"
	"net/http"
	"os"
)

const jwtSecret = "et3jsNnd2fJPaiLfNQWiaQYL2hC"

var apiToken = os.Getenv("API_TOKEN")

type Config struct {
	Password string `json:"password"`
	Token    string `yaml:"token"`
}

func getenvOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

func main() {
	cfg := Config{
		Password: "OJejdzEMRqiO",
		Token:    os.Getenv("TOKEN"),
	}
	encryptionKey := "60bd234c7944840051169fbf5e650cf2"
	dbPass := getenvOr("DB_PASS", "CDp04EYXJBtfhLJGj")
	req, _ := http.NewRequest("GET", "https://billing.internal/v1/charges", nil)
	req.Header.Set("X-Auth-Token", "qGHYBUad6dQA2sfP5ccKyF")
	signingKey := []byte("HwXTWDd03HD6WFeCgORXbZLA00g")
	passwordField := "password"
	tokenHeader := "X-Auth-Token"
	_, _ = sql.Open("postgres", "host=db user=billing dbname=billing")
	_ = []any{cfg, encryptionKey, dbPass, signingKey, passwordField, tokenHeader, apiToken, jwtSecret}
}
