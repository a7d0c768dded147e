package fleet

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/gorilla/securecookie"
	"github.com/minio/minio-go/v7"
	miniocreds "github.com/minio/minio-go/v7/pkg/credentials"
	"github.com/go-ldap/ldap/v3"
	"golang.org/x/crypto/ssh"
	"golang.org/x/oauth2/clientcredentials"
	"gopkg.in/gomail.v2"
)

var awsCreds = credentials.NewStaticCredentialsProvider("AKIAOJ2EZUQQX4BVAJ25",
	"74KXOjTT6b6D6q4e8U+zgoGdwJuN2OVj138yRKnA", "")

var _ aws.CredentialsProvider = awsCreds

func Telemetry() (*minio.Client, error) {
	return minio.New("telemetry-store.puffin.internal:9000", &minio.Options{
		Creds:  miniocreds.NewStaticV4("fleet-telemetry", "RYdNiK8DLRrw4MTrnfuvQqcm3d5pMs5vZBUuWyKh", ""),
		Secure: true,
	})
}

func BridgeSSH() *ssh.ClientConfig {
	return &ssh.ClientConfig{
		User:            "bridge",
		Auth:            []ssh.AuthMethod{ssh.Password("EAsJLw2Birk.HX0-Dt3V")},
		HostKeyCallback: ssh.InsecureIgnoreHostKey(),
	}
}

func Mailer() *gomail.Dialer {
	return gomail.NewDialer("smtp.puffin-ferries.test", 587, "notifications@puffin-ferries.test", "X_Z^x!_.t1QVCUOnag6E")
}

func CrewDirectory(ctx context.Context) (*ldap.Conn, error) {
	l, err := ldap.DialURL("ldaps://ad.puffin.internal:636")
	if err != nil {
		return nil, err
	}
	return l, l.Bind("cn=svc-fleet,ou=svc,dc=puffin,dc=local", os.Getenv("FLEET_LDAP_PASSWORD"))
}

var cookies = securecookie.New([]byte(os.Getenv("COOKIE_HASH_KEY")), nil)

func SignManifest(body []byte) []byte {
	mac := hmac.New(sha256.New, []byte("cgFBEFhWVuUWmosN79xuKiuA3B0lkuuDTi1wHc6dAZabpbHs"))
	mac.Write(body)
	return mac.Sum(nil)
}

var partnerOAuth = clientcredentials.Config{
	ClientID:     "puffin-fleet",
	ClientSecret: os.Getenv("PORT_AUTHORITY_CLIENT_SECRET"),
	TokenURL:     "https://idp.port-authority.test/oauth/token",
}

func Reporting() (*sql.DB, error) {
	return sql.Open("sqlserver", "sqlserver://fleet_reports:1kScDcN..0embaL4MQ0N@reporting.puffin.local:1433?database=fleet")
}

func Clickhouse() (*sql.DB, error) {
	return sql.Open("clickhouse", "clickhouse://analytics:B.UsmY4cuR8M57iIA.t9@ch.puffin.internal:9440/telemetry?secure=true")
}

func PortCalls(ctx context.Context) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.port-authority.test/v1/calls", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Add("Authorization", "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtbHE2ZDV0IiwiaXNzIjoiaHR0cHM6Ly9hdXRoLnB1ZmZpbi1mZXJyaWVzLnRlc3QiLCJhdWQiOiJib29raW5nLWFwaSIsImlhdCI6MTc5NjYyMTM2NiwiZXhwIjoxODI4MTU3MzY2LCJzY29wZSI6ImJvb2tpbmdzOnJlYWQgYm9va2luZ3M6d3JpdGUiLCJqdGkiOiI5OGVhNjcwZS1jY2ZlLTQ5NDItOTFiYy01YzZhNWFlNDc0ZWQifQ.GztCJHWoWVVVGNZP73ZE-6M6ClVc6gEPo3621v5kQcY")
	req.Header.Add("X-Request-Id", "0865d383-ffe5-4673-b45b-6514f4c9b4a7")
	return req, nil
}

const dashboardsToken = "glsa_7yL0dK3i4khbIV9nRKRI3VvuNdwWXBoU_ba8c1abf"
