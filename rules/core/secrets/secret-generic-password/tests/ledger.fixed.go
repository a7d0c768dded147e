package billing

import (
	"os"
	"net/http"
)

// expect: secret-generic-password@24-40
const webhookSecret = "Xr5Lq2Wz8Tk4Vm7P"

func sign(req *http.Request) []byte {
	// expect: secret-generic-password@34-50
	req.Header.Set("X-Auth-Token", "Mz9Kr4Wq7Lt2Xv5N")
	// expect: secret-generic-password@24-40
	signingKey := []byte(os.Getenv("SIGNING_KEY"))
	// expect: secret-generic-password@31-47
	req.SetBasicAuth("billing", os.Getenv("PASSWORD"))
	return signingKey
}
