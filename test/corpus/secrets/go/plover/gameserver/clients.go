package gameserver

import (
	"context"
	"net/http"

	"github.com/anthropics/anthropic-sdk-go"
	"github.com/anthropics/anthropic-sdk-go/option"
	"github.com/bwmarrin/discordgo"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go"
	"github.com/stripe/stripe-go/v79/client"
)

func NewClients(ctx context.Context) error {
	sc := client.New("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", nil)
	_ = sc

	npc := anthropic.NewClient(option.WithAPIKey("sk-ant-api03--GXNQP_QuO9Ob4TRVk3tApwo2qZRPxfo5mXHwMSI8fUhQhQF823oTAE6213ElRAbmPyCmGQXBgeHiKIfm1ExvbThze5U2AA"))
	_ = npc

	dg, err := discordgo.New("Bot " + "NzQ0MTgzODM4MTYzMjczMDE0Mw._nFWci.va-Ize4Tf2lM0c9_LLWPPTPCx2-KACVaK-5Kg2")
	if err != nil {
		return err
	}
	defer dg.Close()

	pool, err := pgxpool.New(ctx, "postgres://gs_writer:1NqpA43YKnoyXAx_imavm0@cockroach-public:26257/arena?sslmode=require")
	if err != nil {
		return err
	}
	defer pool.Close()

	nc, err := nats.Connect("nats://gameserver:ozXwGyDAGm7R0yTK2x1t@nats.arena.svc:4222")
	if err != nil {
		return err
	}
	defer nc.Close()
	return nil
}

func voiceRequest(req *http.Request) {
	req.Header["X-Vivox-Admin-Key"] = []string{"irUY5Q2Eo05hrHz3ioqwOKqaX7Eaogd3"}
}
