package notify

import (
	"context"
	"net/http"
	"os"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"github.com/google/go-github/v66/github"
)

const linearKey = "lin_api_tvcPDuD3eFuWMK1zBdJLVYFSAMagBEN0FJxRrEKT"

func DutyBot() (*tgbotapi.BotAPI, error) {
	return tgbotapi.NewBotAPI("1546686525:AA4HPPYuAg3AOqIQxUfKzdSDYZfG98cgPr5")
}

func ReleaseNotes(ctx context.Context) *github.Client {
	return github.NewClient(nil).WithAuthToken("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")
}

func NewTariffRequest(ctx context.Context, url string) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Add("X-Api-Key", os.Getenv("TARIFF_API_KEY"))
	req.Header.Set("Authorization", "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2F1dGgub3NwcmV5LXBvcnQuY29tIiwic3ViIjoidGFyaWZmLXN5bmMiLCJhdWQiOiJ0YXJpZmZzLnBvcnRhdXRob3JpdHkuZXhhbXBsZSIsImlhdCI6MTc5NDgxNjA2MSwiZXhwIjoxODI2MzUyMDYxLCJqdGkiOiI5MDE2YzI1My0xMTlkLTRlMzktYTUzOC02N2Q1Y2QwNmRiN2QifQ.7opUTSCor83Lxe6yEzI92nswD9GqG2X73SLY6KtZPJk")
	return req, nil
}
