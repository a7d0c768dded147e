package allocator

import (
	"net/http/httptest"
	"testing"
)

// Issued by the staging allocator for the CI service account; expires 2027.
const ciAllocatorToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjaS1hbGxvY2F0b3IiLCJhdWQiOiJhZ29uZXMtYWxsb2NhdG9yIiwiaWF0IjoxNzk2NjUzMDQyLCJleHAiOjE4MjgxODkwNDIsImp0aSI6IjJjNTkyM2FkLTkyYjAtNGNmMC1iN2Y2LWQzNDU2YTA1OTI1ZSJ9.ToJSkqbmiBq62wIjJbfv3bUMQ04E90ldB9s_eIPva1o"

const fleetUID = "f0884b64-b34a-4c6e-b0ef-70e69f49d42a"

func TestAllocate(t *testing.T) {
	req := httptest.NewRequest("POST", "/gameserverallocation", nil)
	req.Header.Set("Authorization", "Bearer "+ciAllocatorToken)
	if req.Header.Get("Authorization") == "" {
		t.Fatal("missing auth")
	}
	_ = fleetUID
}
