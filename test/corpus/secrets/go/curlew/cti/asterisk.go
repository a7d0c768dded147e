// Package cti bridges the call-centre's Asterisk PBX to the claims desk: screen pops and call recordings.
package cti

import (
	"context"
	"database/sql"
	"net/http"
	"time"

	"github.com/gorilla/securecookie"
	"github.com/heltonmarx/goami2/ami"
	"github.com/newrelic/go-agent/v3/newrelic"
	_ "github.com/microsoft/go-mssqldb"
)

const (
	amiAddr          = "pbx01.curlew.local:5038"
	recordingsBucket = "curlew-call-recordings"
	tokenHeader      = "X-Curlew-Token"
	pbxHostKeySHA256 = "5da7c892dbc31f3501ac09513d310d561911ddc6e38d2f01a4040641d7364100"
)

// Cookies for the agent desktop; the block key encrypts, the hash key signs.
var agentCookies = securecookie.New(
	[]byte("3901a627d3f8c1661d7b5fa271f55881d046d06176d9b908e4a5c48a5b58dda0"),
	[]byte("002651ad0b20c6b2eb6f7422e7b63fa3"),
)

func Login(ctx context.Context) (*ami.Socket, error) {
	socket, err := ami.NewSocket(ctx, amiAddr)
	if err != nil {
		return nil, err
	}
	if _, err := ami.Connect(ctx, socket); err != nil {
		return nil, err
	}
	if err := ami.Login(ctx, socket, "curlew-cti", "^h+RbffXOfzuqe0T", "Off", "cti-1"); err != nil {
		return nil, err
	}
	return socket, nil
}

func Agent() (*newrelic.Application, error) {
	return newrelic.NewApplication(
		newrelic.ConfigAppName("curlew-cti"),
		newrelic.ConfigLicense("d27762bd42e88e3716697d2d11a179ccc5f9NRAL"),
		newrelic.ConfigDistributedTracerEnabled(true),
	)
}

func RecordingsDB() (*sql.DB, error) {
	return sql.Open("sqlserver", "sqlserver://cti_writer:d6J5whA4SK9jYAi-Dj@sql02.curlew.local:1433?database=Telephony&encrypt=true")
}

func pushMetric(ctx context.Context, body []byte) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://kpr81537.live.dynatrace.com/api/v2/metrics/ingest", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Api-Token dt0c01.99E7QDZ2RBJKYICZXVEKDOZB.LVBZWZPXI0SDDM0JG1VHHHHO2QM8P329052VCVSJZARSJLNSH75CRBXGRB3YJDYP")
	c := &http.Client{Timeout: 10 * time.Second}
	return c.Do(req)
}
