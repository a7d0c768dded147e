package fleet

import (
	"crypto/hmac"
	"crypto/sha256"

	"github.com/aws/aws-sdk-go-v2/credentials"
	miniocreds "github.com/minio/minio-go/v7/pkg/credentials"
	"gopkg.in/gomail.v2"
)

type Config struct {
	ListenAddr string `envconfig:"LISTEN_ADDR" default:":8080"`
	// expect: secret-generic-password@54-74
	DBPassword string `envconfig:"DB_PASSWORD" default:"48J4JyuP4h-jFd-lbw7U"`
	SessionKey string `envconfig:"SESSION_KEY" default:""`
	DBUser     string `envconfig:"DB_USER" default:"fleet"`
}

func Mailer() *gomail.Dialer {
	// expect: secret-generic-password@76-96
	return gomail.NewDialer("smtp.example.test", 587, "notify@example.test", "q6ELbX.h!SrIm^iB0FmU")
}

// expect: secret-generic-password@50-90
var store = miniocreds.NewStaticV4("telemetry", "Qm4vywxqwFfFMD0DaIxmKYK8Ii966Q3xWFDJ0GFg", "")

var aws = credentials.NewStaticCredentialsProvider("fleet-id",
	// expect: secret-generic-password@3-43
	"COwSKgQN8Y3HNDy83V9TOxBa5YWiLMdTc8pIQN15", "")

func Sign(body []byte) []byte {
	// expect: secret-generic-password@38-82
	mac := hmac.New(sha256.New, []byte("l5uCvb94d9dDUw7jXudjrbf9M+h/y1irlDRhKSn2kLs="))
	mac.Write(body)
	return mac.Sum(nil)
}

func Quiet(key []byte, user, password string, port int) {
	// expect-not: secret-generic-password
	hmac.New(sha256.New, key)
	// expect-not: secret-generic-password
	gomail.NewDialer("smtp.example.test", port, user, password)
	// expect-not: secret-generic-password
	miniocreds.NewStaticV4(user, password, "")
}
