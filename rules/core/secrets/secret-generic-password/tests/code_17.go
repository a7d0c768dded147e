package ledger

import (
	"crypto/aes"
	"crypto/cipher"

	go_ora "github.com/sijms/go-ora/v2"
	"golang.org/x/crypto/ssh"
)

// Batch 17 (learn17-code): a login's host, then a port and a service name, then its (upper-case) user and password.
// expect: secret-generic-password@88-104
var LedgerURL = go_ora.BuildUrl("db01.ledger.internal", 1521, "LEDGER", "LEDGER_APP", "rXsNSSTXRZ18lA-o", nil)

// An HTTP method after a host is no user: the literal after it stays quiet here.
// expect-not: secret-generic-password
var probe = probeEndpoint("api.ledger.internal", 443, "GET", "c.4e+Ujf5zm.VZrq")

// A call named for what it is given last: `…WithPassphrase(pem, passphrase)`.
func signer(pem []byte) (ssh.Signer, error) {
	// expect: secret-generic-password@56-72
	return ssh.ParsePrivateKeyWithPassphrase(pem, []byte(".fckluOaTzOQgu8S"))
}

// A block cipher built from a literal key.
func sealer() (cipher.Block, error) {
	// expect: secret-generic-password@31-63
	return aes.NewCipher([]byte("p6ooA5C8RVG6yz30NUch9SU9NIev5QQE"))
}
