package calls

import "os"
import "net/http"

func partnerRequest(req *http.Request) {
	// A header map's value is a one-item slice of strings.
	// expect: secret-generic-password@48-80
	req.Header["X-Partner-Admin-Key"] = []string{os.Getenv("X_PARTNER_ADMIN_KEY")}
	// expect-not: secret-generic-password
	req.Header["Accept"] = []string{"application/json"}
	// expect-not: secret-generic-password
	req.Header["X-Partner-Admin-Key"] = []string{partnerKey()}
}

// expect-not: secret-generic-password
var regions = []string{"eu-west-1", "us-east-1"}
