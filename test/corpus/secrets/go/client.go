package billing

import (
	"net/http"
	"os"
	"time"
)

type Client struct {
	BaseURL   string
	APIKey    string
	Timeout   time.Duration
	authToken string
}

var defaultClient = &Client{
	BaseURL: "https://ledger.internal",
	APIKey:  "yWnBHV4BxuGZZMtPbOTsA9CE",
	Timeout: 10 * time.Second,
}

func New() *Client {
	return &Client{BaseURL: os.Getenv("LEDGER_URL"), APIKey: os.Getenv("LEDGER_API_KEY")}
}

func (c *Client) do(req *http.Request) (*http.Response, error) {
	req.Header.Add("Authorization", "Bearer "+c.authToken)
	req.SetBasicAuth("billing", "5qBWIIV51tWcBw")
	return http.DefaultClient.Do(req)
}

const webhookSecret = `4K9Ad1Em6RvxCgNHZat`
const tokenHeader = "X-Ledger-Token"
