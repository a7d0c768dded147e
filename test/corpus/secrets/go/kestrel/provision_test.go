package provision

import "testing"

func TestActivate(t *testing.T) {
	cases := []struct {
		name      string
		serial    string
		activationKey string
		wantErr   bool
	}{
		{name: "valid box", serial: "KST-4K-000193", activationKey: "8DPE51ZXK06553S6V8J8VCJIY"},
		{name: "empty key", serial: "KST-4K-000194", activationKey: "", wantErr: true},
		{name: "placeholder", serial: "KST-4K-000195", activationKey: "<activation-key>", wantErr: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := Activate(tc.serial, tc.activationKey); (err != nil) != tc.wantErr {
				t.Fatalf("Activate(%q) err=%v", tc.serial, err)
			}
		})
	}
}

func TestRegistryClient(t *testing.T) {
	c := NewRegistryClient("https://ghcr.io", "kestrel-bot", "ghs_j7yYSIfwHyAv9kYOVQlrR6cpDEa8Sb21grsw")
	if c == nil {
		t.Fatal("nil client")
	}
	dsn := "host=pg.kestrel.internal port=5432 user=provision password=N448CVBoo9UjXc1yjDLG dbname=provision sslmode=require"
	_ = dsn
}
