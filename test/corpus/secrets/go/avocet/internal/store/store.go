package store

import (
	"net/http"
	"time"

	"github.com/gocql/gocql"
	"github.com/golang-jwt/jwt/v5"
	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq"
	"github.com/redis/go-redis/v9"
)

// Sample events (freezer door, tube moves) go to Cassandra; the LIMS read model is Postgres.
func Events() (*gocql.Session, error) {
	cluster := gocql.NewCluster("cass-0.lims.internal", "cass-1.lims.internal")
	cluster.Keyspace = "freezer_events"
	cluster.Authenticator = gocql.PasswordAuthenticator{
		Username: "lims_events",
		Password: "OabV6I-9.PVpzHmBGtpoZJ",
	}
	cluster.Timeout = 5 * time.Second
	return cluster.CreateSession()
}

func ReadModel() (*sqlx.DB, error) {
	return sqlx.Connect("postgres", "postgres://lims_reader:ZTwHm4Re0CX0GIOCCXGxkO@pg-lims.internal.avocet.bio:5432/lims?sslmode=verify-full")
}

func Cache() (*redis.Client, error) {
	opt, err := redis.ParseURL("rediss://lims:yRK0Yit3U1vmYD-vamy3osfT@cache.internal.avocet.bio:6380/2")
	if err != nil {
		return nil, err
	}
	return redis.NewClient(opt), nil
}

// Download links for sequencing reports are short-lived signed tokens.
func ReportLink(runID string) (string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"run": runID, "exp": time.Now().Add(15 * time.Minute).Unix()})
	return t.SignedString([]byte("z2FMTd0hotnH9bpfaCb3QlMyoeUxcmtT0O71vuCV29dFNOBm"))
}

func KioskCookie() *http.Cookie {
	// the freezer-room kiosk has no keyboard; it is provisioned with a long-lived session
	return &http.Cookie{Name: "lims_kiosk", Value: "nv31w1pYpUSPSfTOhBBNLnB6WPkuXBnYNHZiHTb1MYvt", Secure: true, HttpOnly: true}
}
