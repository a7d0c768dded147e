// Package radius checks eduroam authentication end to end from each campus, the way a roaming visitor would.
package radius

import (
	"context"
	"fmt"
	"time"

	"layeh.com/radius"
	"layeh.com/radius/rfc2865"
)

// Reader is one RADIUS proxy the probe talks to.
type Reader struct {
	Name   string
	Addr   string
	Secret string
}

var proxies = []Reader{
	{Name: "main-campus", Addr: "radius1.wren.edu:1812", Secret: "B0MmDvcR5c2pKDscxZagK13I"},
}

// Probe sends an Access-Request for the test account through the national proxy's shared secret.
func Probe(ctx context.Context) error {
	packet := radius.New(radius.CodeAccessRequest, []byte("TckeVNvdUIvw9NgsCYtWIBr7wgNGwGyy"))
	rfc2865.UserName_SetString(packet, "eduroam-probe@wren.edu")
	rfc2865.UserPassword_SetString(packet, "S1E0HkrdhxfenQtc^6")
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	resp, err := radius.Exchange(ctx, packet, "nrs1.eduroam.example.net:1812")
	if err != nil {
		return err
	}
	if resp.Code != radius.CodeAccessAccept {
		return fmt.Errorf("eduroam probe rejected: %v", resp.Code)
	}
	return nil
}
