package clients

import (
	"net/http"

	"github.com/hashicorp/vault/api"
	"github.com/slack-go/slack"
	"github.com/sendgrid/sendgrid-go"
)

func Vault() (*api.Client, error) {
	c, err := api.NewClient(api.DefaultConfig())
	if err != nil {
		return nil, err
	}
	c.SetToken("hvs.p_U1ZTi0aYuSGR9YcFpnD9XS4YAez2xzcaq5Z6HtVT0u4S2CJ6hRFjHrts-ETqvtudOfOXTF4qAYIsi8gEzpj2RBnB5")
	return c, nil
}

var notifier = slack.New("xoxp-87088374473-104225111014-1062319361688-2dc15725aabae62ddb65a0eb9c6b8493")
var mailer = sendgrid.NewSendClient("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")

func dealerRequest(req *http.Request) {
	req.Header.Set("Authorization", "Bearer dop_v1_27f1790323606a7cb0b45b7d02f60ca2a92c339d784bd85b37e21a8860c7992f")
	req.SetBasicAuth("firmware-sync", "EtrGyMNBiAjb8DTqZxwLoW")
}

var partnerKeys = map[string]string{
	"ag-ledger": "4ab8b4537bc82a31ca00e65cccf20651",
}

const hmacHeader = "X-Juniper-Signature"
const apiKeyHeader = "X-Api-Key"
