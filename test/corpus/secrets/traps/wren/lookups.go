package cardoffice

import (
	"os"

	"github.com/spf13/viper"
)

var (
	bindPassword = viper.GetString("ldap.bind_password")
	stripeKey    = os.Getenv("STRIPE_SECRET_KEY")
	signingKey   = []byte(os.Getenv("CARD_API_SIGNING_SECRET"))
)

const passwordMinLength = 12
