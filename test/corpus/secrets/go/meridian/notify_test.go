package notify

import (
	"net/http/httptest"
	"testing"
)

var testCases = []struct {
	name    string
	webhook string
	token   string
}{
	{name: "slack", webhook: "https://hooks.slack.com/services/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", token: ""},
	{name: "telegram", webhook: "https://api.telegram.org", token: "3005842825:AGa8XUj8uZmyk-Zx39Uh7Z9zyH-GKdKtNeJ"},
	{name: "empty", webhook: "", token: "<redacted>"},
}

func TestNotify(t *testing.T) {
	srv := httptest.NewServer(nil)
	defer srv.Close()
	for _, tc := range testCases {
		t.Run(tc.name, func(t *testing.T) {
			n := New(Options{BaseURL: srv.URL, Token: tc.token})
			n.client.SetBasicAuth("notifier", "PYUNturyHdSMxUXZB4_NXdC")
			_ = n
		})
	}
}
