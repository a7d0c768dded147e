package cpe

import (
	"context"
	"net/http"
	"os"

	"github.com/openai/openai-go"
	"github.com/openai/openai-go/option"
	"github.com/twilio/twilio-go"
	openapi "github.com/twilio/twilio-go/rest/api/v2010"
)

var twilioClient = twilio.NewRestClientWithParams(twilio.ClientParams{
	Username:   "SKa86d5b95d5c53b51d38d4dfc8561256b",
	Password:   "70u33Rzi7TPLVt02nUhR9RraMi36rl4w",
	AccountSid: "AC3a6cc712086d102b21235bb87deb6070",
})

// summariser writes the plain-English outage text customers get by SMS.
var summariser = openai.NewClient(
	option.WithAPIKey(getenv("OPENAI_API_KEY", "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")),
)

var groqHeaders = http.Header{
	"Authorization": []string{"Bearer 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"},
	"Content-Type":  []string{"application/json"},
}

func getenv(k, def string) string {
	if v, ok := os.LookupEnv(k); ok {
		return v
	}
	return def
}

func TextCustomer(ctx context.Context, to, body string) error {
	p := &openapi.CreateMessageParams{}
	p.SetTo(to)
	p.SetFrom("+441134960001")
	p.SetBody(body)
	_, err := twilioClient.Api.CreateMessage(p)
	return err
}
