package probe

import (
	"bytes"

	"layeh.com/radius"
	"layeh.com/radius/rfc2865"
)

func Probe() *radius.Packet {
	// A constructor given key bytes.
	// expect: secret-generic-password@57-89
	packet := radius.New(radius.CodeAccessRequest, []byte("REMBWrFYGuZ1xG6aqZOSPtgdNXMkwGDy"))
	// A call named for a secret, its literal last.
	// expect: secret-generic-password@42-60
	rfc2865.UserPassword_SetString(packet, "371UaJfsLz.Nq7S8uH")
	// expect-not: secret-generic-password
	rfc2865.UserName_SetString(packet, "probe-account@example.test")
	// expect-not: secret-generic-password
	_ = bytes.NewReader([]byte("0123456789abcdefghijklmnopqrstuv"))
	// expect-not: secret-generic-password
	rfc2865.UserPassword_SetString(packet, password)
	return packet
}
