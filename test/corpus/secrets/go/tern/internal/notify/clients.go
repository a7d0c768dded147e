package notify

import (
	"github.com/bwmarrin/discordgo"
	"github.com/cloudflare/cloudflare-go"
	"github.com/openai/openai-go"
	"github.com/openai/openai-go/option"
)

// Outage summaries are drafted by a model and posted to the community Discord.
func Clients() (*openai.Client, *discordgo.Session, *cloudflare.API, error) {
	llm := openai.NewClient(option.WithAPIKey("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"))
	dg, err := discordgo.New("Bot MTD1sYQgBPH9rlwSjdWVisFo8p.zqHDVG.1zhpucqCofU598xw873ItrTgrh_O22HQ5JyOgJ")
	if err != nil {
		return nil, nil, nil, err
	}
	// Purges the status page cache when an outage notice changes.
	cf, err := cloudflare.NewWithAPIToken("S91Xejd8-hN5YsV3tWPCz3fLuVKhE9UT0S_ZXQFM")
	if err != nil {
		return nil, nil, nil, err
	}
	return &llm, dg, cf, nil
}
