package billing

import (
	"net/http"
)

// expect: secret-generic-password@24-40
const webhookSecret = "Xr5Lq2Wz8Tk4Vm7P"

func sign(req *http.Request) []byte {
	// expect: secret-generic-password@34-50
	req.Header.Set("X-Auth-Token", "Mz9Kr4Wq7Lt2Xv5N")
	// expect: secret-generic-password@24-40
	signingKey := []byte("Pq3Wz8Lr6Tk2Xm9V")
	// expect: secret-generic-password@31-47
	req.SetBasicAuth("billing", "Nv7Lq4Wz2Rt8Xk5M")
	return signingKey
}
