package handlers

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestMealBalanceRequiresSession(t *testing.T) {
	t.Setenv("CARD_API_SIGNING_SECRET", "8aa2a56180107fe9eb38917922aa64be5cdac58fe9f4d20fd0b6c0fb84ec05f1")
	t.Setenv("CARD_API_BASE_URL", "http://127.0.0.1:0")

	req := httptest.NewRequest(http.MethodGet, "/v1/meal-balance", nil)
	req.AddCookie(&http.Cookie{
		Name:     "wren_session",
		Value:    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2xtcy53cmVuLmVkdSIsInN1YiI6ImFsdW1uaS1naXZpbmciLCJhdWQiOiJjYW52YXMtYnJpZGdlIiwiaWF0IjoxNzk2OTIxODA4LCJleHAiOjE4Mjg0NTc4MDgsInNjb3BlIjoiZ2lmdHM6cmVhZCJ9.WhfnynPLLpsEXdFGan180FZ7KClnoCrI-tK80BQzOuM",
		HttpOnly: true,
	})
	rec := httptest.NewRecorder()
	NewRouter().ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("status = %d", rec.Code)
	}
}
