package config

import (
	"context"
	"database/sql"

	"github.com/buildkite/go-buildkite/v4"
	"github.com/digitalocean/godo"
	"github.com/knadh/koanf/providers/confmap"
	"github.com/knadh/koanf/v2"
	"github.com/stripe/stripe-go/v81"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
	_ "github.com/sijms/go-ora/v2"
)

// Load reads the card-office service configuration: defaults first, then /etc/cardoffice/config.yaml, then env.
func Load() (*koanf.Koanf, error) {
	k := koanf.New(".")
	err := k.Load(confmap.Provider(map[string]interface{}{
		"http.listen":        ":8443",
		"ldap.url":           "ldaps://ldap.ad.wren.edu",
		"ldap.bind_dn":       "CN=svc-cardoffice,OU=Service Accounts,DC=ad,DC=wren,DC=edu",
		"ldap.bind_password": "8A461JIahy-o2RAsYkWd2",
		"meal.sync_interval": "5m",
	}, "."), nil)
	return k, err
}

func init() {
	// Meal-plan top-ups are charged through the university's Stripe account (restricted key, charges only).
	stripe.Key = "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"
}

func Droplets() *godo.Client {
	return godo.NewFromToken("dop_v1_40c522e4f31cd06c43a4b5ae9bac8c16de449cd86a85e387628fb88865b5563a")
}

func Pipelines() (*buildkite.Client, error) {
	return buildkite.NewOpts(buildkite.WithTokenAuth("bkua_93db033e5217de4f3aa894135552ff2ec1eb609f"))
}

func Banner() (*sql.DB, error) {
	return sql.Open("oracle", "oracle://card_sync:fU_AJVVP-bHJqIv650t7oC@banner-db.wren.internal:1521/BANPROD")
}

func Audit(ctx context.Context) (*mongo.Client, error) {
	return mongo.Connect(ctx, options.Client().ApplyURI("mongodb://card_audit:ppN530kr25cy.~p0@audit-mongo.wren.internal:27017/?authSource=admin"))
}
