package cpe

import "testing"

func TestConnectionRequestAuth(t *testing.T) {
	cases := []struct {
		name   string
		serial string
		token  string
		want   int
	}{
		{"expired", "DLN0A1B2C3", "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiAiY3BlLTQwMzUzY3huIiwgImlhdCI6IDE3OTYwMDAwMDB9.", 401},
		{"valid", "DLN0A1B2C4", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtaHcyb3p2ZzEiLCJpc3MiOiJodHRwczovL3Nzby5kdW5saW4ubmV0IiwiYXVkIjoic2VsZmNhcmUtYXBpIiwiaWF0IjoxNzk5MDk4NTc0LCJleHAiOjE4MzA2MzQ1NzQsInNjb3BlIjoicHJvdmlzaW9uaW5nOndyaXRlIn0.7cxbIFfUJ_IDejjxhWZS4Jlrl_EhFSovKRVsaTF7pP8", 200},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := statusFor(tc.serial, tc.token); got != tc.want {
				t.Fatalf("got %d want %d", got, tc.want)
			}
		})
	}
}
