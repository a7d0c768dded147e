package mfbridge

import "testing"

func TestExtractAuth(t *testing.T) {
	cases := []struct {
		name  string
		token string
		want  int
	}{
		{name: "no token", token: "", want: 401},
		{name: "scheduler token", token: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtenUxc2loIiwiaXNzIjoiY3VybGV3LWF1dGgiLCJhdWQiOiJjdXJsZXctYXBpIiwiaWF0IjoxNzk2Njc1MzA1LCJleHAiOjE4MjgyMTEzMDUsImp0aSI6IjRiM2ExNDI0LTU4NDItNGE2NS04MGMzLWE5M2YyNjk4NDMyMiJ9.CMEVaNMQ56pcmuqjvwMi4R_HqJ1JK0fYiGt-EXXFHVs", want: 200},
		{name: "unsigned token", token: "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiAicXVvdGUtcHJldmlldyIsICJzY29wZSI6ICJyZWFkOnF1b3RlcyJ9.", want: 401},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := statusFor(tc.token); got != tc.want {
				t.Fatalf("status = %d, want %d", got, tc.want)
			}
		})
	}
}
