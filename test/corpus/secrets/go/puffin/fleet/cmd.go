package fleet

import (
	"flag"
	"os"

	"github.com/spf13/cobra"
)

var natsPassword string

func NewRootCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "fleetctl"}
	cmd.PersistentFlags().StringVar(&natsPassword, "nats-password", os.Getenv("NATS_PASSWORD"), "NATS password")
	cmd.PersistentFlags().String("secret-name", "fleet-nats", "name of the Kubernetes secret holding the NATS password")
	return cmd
}

var pagerKey = flag.String("pager-key", os.Getenv("PAGER_KEY"), "PagerDuty routing key")
var checksum = flag.String("manifest-sha", "c3132533ba572d7bca86e7de671a9fc65bd5dfdaed67bd5c362614f038decb33", "expected manifest digest")
