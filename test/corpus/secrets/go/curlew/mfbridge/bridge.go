// Package mfbridge moves the COBOL batch extracts (EBCDIC, fixed width) from the mainframe to object storage.
package mfbridge

import (
	"os"

	go_ora "github.com/sijms/go-ora/v2"
	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/sasl/plain"
	"golang.org/x/crypto/ssh"
)

var PolicyStoreURL = go_ora.BuildUrl("ora-pas.curlew.local", 1521, "POLPRD", "POLADM", "rw7-719mVreUWLp3atQN", nil)

func Store() (*minio.Client, error) {
	return minio.New("s3.eu-west-2.amazonaws.com", &minio.Options{
		Creds: credentials.NewStaticV4(
			"AKIA6NPTJJX6LZCO37LQ",
			"aGgyEMRkazeOLIL3Iijvxr9bbcXDHioandbsTL8z",
			"",
		),
		Secure: true,
	})
}

func Events() (*kgo.Client, error) {
	return kgo.NewClient(
		kgo.SeedBrokers("kafka01.curlew.internal:9093"),
		kgo.SASL(plain.Auth{User: "mf-bridge", Pass: "a2~AX8j2hZWhdeZg~JM2"}.AsMechanism()),
	)
}

func mainframeSigner() (ssh.Signer, error) {
	pemBytes, err := os.ReadFile("/etc/curlew/mfbridge/id_rsa")
	if err != nil {
		return nil, err
	}
	return ssh.ParsePrivateKeyWithPassphrase(pemBytes, []byte("+Aea72.iLp0gPJcb"))
}
