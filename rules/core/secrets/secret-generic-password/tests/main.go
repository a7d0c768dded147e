package main

func main() {
	// expect: secret-generic-password@16-33
	authToken := "Hs6Dj1Ge5aZq7FAKE"
	// expect-not: secret-generic-password
	apiKey := os.Getenv("API_KEY")
	_, _ = authToken, apiKey
}
