package gameserver

import (
	"crypto/aes"
	"crypto/cipher"
	"os"

	"github.com/alecthomas/kingpin/v2"
	"github.com/go-chi/jwtauth/v5"
)

var (
	app         = kingpin.New("plover-ds", "Dedicated server for Plover Arena.")
	rconAddr    = app.Flag("rcon-addr", "RCON listen address.").Default(":27015").String()
	rconPass    = app.Flag("rcon-password", "RCON password.").Default("Fd~6Ij7xKVe=vga2t0").String()
	sdkGRPCPort = app.Flag("sdk-port", "Agones SDK port.").Default("9357").Int()
)

// Session tickets from the matchmaker are HS256 JWTs.
var TicketAuth = jwtauth.New("HS256", []byte("kyXFyGRWvNxObUgWWkArSQ4VoGjbAOf4KdVxQ2aaRNc="), nil)

func replayCipher() (cipher.AEAD, error) {
	block, err := aes.NewCipher([]byte("RiYnsHfXpePAswGq5DeiIVcrWF2eP8AL"))
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

func antiCheatSecret() string {
	secret, ok := os.LookupEnv("EAC_INTEGRITY_SECRET")
	if !ok {
		secret = "333bf93b8899407fd27790ae348dae0e546da9698473028f"
	}
	return secret
}

var telemetryTags = map[string]any{
	"region":             "eu-central",
	"backtrace_token":    os.Getenv("BACKTRACE_TOKEN"),
	"backtrace_universe": "plover",
}
