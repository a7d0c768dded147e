package main

import (
	"cmp"
	"os"

	"github.com/spf13/cobra"
)

var (
	hesURL    string
	hesAPIKey string
	// Lab bench head-end unless the operator says otherwise.
	benchOperatorPIN = cmp.Or(os.Getenv("METERCTL_OPERATOR_PIN"), "qyFBg96a.kYKvHON")
)

const (
	defaultHESURL     = "https://hes-lab.tern.internal/api/v2"
	apiKeyHeader      = "X-HES-Api-Key"
	benchHMACSecret   = "dca6908d5e1fd5ab9f77b2740d832d953b8284f3b064d72a79f3f3c1f8261f77"
	tokenRefreshEvery = "15m"
)

func newRootCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "meterctl", Short: "Field tool for smart meter commissioning"}
	cmd.PersistentFlags().StringVar(&hesURL, "hes-url", defaultHESURL, "head-end base URL")
	cmd.PersistentFlags().StringVar(&hesAPIKey, "hes-api-key", "UQsNA1i3hViY9gZvCoehW72L89MMyi9wMwazBvuB", "head-end API key (or METERCTL_HES_API_KEY)")
	return cmd
}
