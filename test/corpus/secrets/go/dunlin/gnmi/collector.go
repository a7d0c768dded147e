package gnmi

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/openconfig/gnmic/pkg/api"
	"github.com/openconfig/gnmic/pkg/api/target"
)

// Routers streamed by this collector; the rest of the fleet goes through the Kafka pipeline.
var coreRouters = []string{"cr1-lds1.net.dunlin.net:57400", "cr1-mcr2.net.dunlin.net:57400"}

const keaControlAgent = "https://kea1.dhcp.dunlin.net:8000/"

func newTarget(addr string) (*target.Target, error) {
	return api.NewTarget(
		api.Name(addr),
		api.Address(addr),
		api.Username("gnmi-telemetry"),
		api.Password("A@S2O218LVK_c8jI9nJT"),
		api.SkipVerify(true),
		api.Timeout(10*time.Second),
	)
}

func openSink(ctx context.Context) (clickhouse.Conn, error) {
	return clickhouse.Open(&clickhouse.Options{
		Addr: []string{"ch.lake.dunlin.net:9440"},
		Auth: clickhouse.Auth{
			Database: "telemetry",
			Username: "gnmi_writer",
			Password: "IQmCu9H15UVLT.UgpIkpxNSv",
		},
		DialTimeout: 5 * time.Second,
	})
}

// keaStats polls Kea's statistic-get-all through the control agent (basic auth since Kea 2.4).
func keaStats(ctx context.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, keaControlAgent, nil)
	if err != nil {
		return nil, err
	}
	cred := base64.StdEncoding.EncodeToString([]byte("telemetry:lEHL4OIzTu3TZ4VVmB"))
	req.Header.Add("Authorization", "Basic "+cred)
	return http.DefaultClient.Do(req)
}

func Run(ctx context.Context) error {
	for _, r := range coreRouters {
		t, err := newTarget(r)
		if err != nil {
			return fmt.Errorf("target %s: %w", r, err)
		}
		_ = t
	}
	return nil
}
