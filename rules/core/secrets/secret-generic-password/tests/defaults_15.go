package relay

// Flag defaults and lookup fallbacks (default-positions.ts).

import (
	"os"

	"github.com/alecthomas/kingpin/v2"
)

var (
	app       = kingpin.New("relay", "Relay.")
	// expect: secret-generic-password@69-93
	adminPass = app.Flag("admin-password", "Admin password.").Default("wgP2zy7JTx1KBAyuW66CvRu0").String()
	// expect: secret-generic-password@84-108
	apiToken  = app.Flag("api-token", "API token.").Envar("RELAY_API_TOKEN").Default("jbnW81dP0qoNEuHWnS8ftVxE").String()
	// expect-not: secret-generic-password
	tokenFile = app.Flag("token-file", "Token file.").Default("/run/secrets/relay-token").String()
	// expect-not: secret-generic-password
	passEnv   = app.Flag("password-env", "Where the password is.").Default("RELAY_PASSWORD").String()
)

func bindFlags() {
	// expect: secret-generic-password@64-86
	relayCmd.Flags().StringVarP(&relayPassword, "password", "p", "ahevVQ9CLcrluPifwhXD7a", "the relay's admin password")
	// expect-not: secret-generic-password
	relayCmd.Flags().StringVarP(&relayPassword, "password", "p", "", "the relay's admin password")
	// expect-not: secret-generic-password
	relayCmd.Flags().StringP("token-header", "t", "X-Relay-Token", "the header carrying the token")
}

func hmacKey() string {
	v, ok := os.LookupEnv("RELAY_HMAC_KEY")
	if !ok {
		// expect: secret-generic-password@8-32
		v = "FejVNGJbWiKwgvz9RJF18z5R"
	}
	return v
}

func tokenMode() string {
	v, ok := os.LookupEnv("RELAY_TOKEN_MODE")
	if !ok {
		// expect-not: secret-generic-password
		v = "rotate"
	}
	return v
}
