package main

import "os"

// A getter whose first statement returns the environment's value: the literal after it is the fallback.
func signingKey() string {
	if v := os.Getenv("SIGNING_KEY"); v != "" {
		return v
	}
 // expect: secret-generic-password@10-30
	return "K9N86YL6ivXLxAj1FAKE"
}

func apiToken() string {
	if v, ok := os.LookupEnv("API_TOKEN"); ok {
		return v
	}
 // expect-not: secret-generic-password
	return os.Getenv("LEGACY_API_TOKEN")
}

// A getter that computes its result is not read as one that returns a literal.
func sessionToken() string {
	if v := os.Getenv("SESSION_TOKEN"); v != "" {
		return v
	}
	log("no session token")
 // expect-not: secret-generic-password
	return "gQOwdOnv1rV9WHleFAKE" + suffix()
}
