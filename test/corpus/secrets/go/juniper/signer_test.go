package esign

import "testing"

func TestVerify(t *testing.T) {
	cases := []struct {
		name      string
		secretKey string
		token     string
	}{
		{
			name:      "valid",
			secretKey: "RSLE0cBbrWt3HVLuQ7H2JzGWWlbmKILH",
			token:     "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMta2toc3Bnd3AiLCJpc3MiOiJodHRwczovL2F1dGguanVuaXBlci1hZ3JpLmV4YW1wbGUiLCJhdWQiOiJmaWVsZGxpbmsiLCJpYXQiOjE3OTY2MDQ2OTMsImV4cCI6MTgyODE0MDY5MywianRpIjoiNTU0ZDg3MGEtYTVjOC00YTNiLWJiNjEtYjZiNTU2ZGQ2OWMzIn0.tFmZFc4glPXR0RkvjbRQOS-NE5j98EazbtCeTvrmkqI",
		},
		{name: "empty key", secretKey: "", token: ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { _ = tc })
	}
}

var dbURL = "postgresql://esign_test:3LJmkK0jnWehupRV0o7HPP@localhost:5433/esign_test?sslmode=disable"
var unsigned = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ0ZXN0In0."
