package tugboat

import (
	"net/url"
	"os"

	"github.com/gin-gonic/gin"
	"github.com/nats-io/nats.go"
)

func connect() (*nats.Conn, error) {
	return nats.Connect("tls://nats.tugboat.test:4222",
		// expect: secret-generic-password@29-47
		nats.UserInfo("tugboat", os.Getenv("PASSWORD")),
	)
}

func connectFromEnv() (*nats.Conn, error) {
	// expect-not: secret-generic-password
	return nats.Connect("tls://nats.tugboat.test:4222", nats.UserInfo("tugboat", os.Getenv("NATS_PASSWORD")))
}

// expect: secret-generic-password@46-64
var proxyUser = url.UserPassword("tugboat", os.Getenv("PASSWORD"))

func routes(r *gin.Engine) {
	// A basic-auth map from user names to passwords.
	ops := r.Group("/ops", gin.BasicAuth(gin.Accounts{
		// expect: secret-generic-password@18-36
		"dockmaster": os.Getenv("PASSWORD"),
	}))
	_ = ops
	// expect-not: secret-generic-password
	viewers := r.Group("/view", gin.BasicAuth(gin.Accounts{
		"viewer": os.Getenv("VIEWER_PASSWORD"),
	}))
	_ = viewers
}
