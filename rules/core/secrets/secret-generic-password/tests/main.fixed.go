package main

import "os"

func main() {
	// expect: secret-generic-password@16-33
	authToken := os.Getenv("AUTH_TOKEN")
	// expect-not: secret-generic-password
	apiKey := os.Getenv("API_KEY")
	_, _ = authToken, apiKey
}
