package main

import (
	"net/http"

	"github.com/urfave/cli/v2"
)

// Batch 16 (learn16-calls): a flag declared as a struct, its name a secret's, its Value the default.
var flags = []cli.Flag{
	// expect: secret-generic-password@88-176
	&cli.StringFlag{Name: "tower-token", EnvVars: []string{"TOWER_ACCESS_TOKEN"}, Value: "eyJ0aWQiOjQ4MjEsInNlY3JldCI6IjhmZGUxMmUxMDJlZTgwMzgxNWE4YWM3OTFkYzIxNjc5M2M0MTZhNTcifQ=="},
	&cli.StringFlag{
		Name:  "api-token",
		Usage: "the API token",
		// expect: secret-generic-password@11-43
		Value: "W4nEieo1C2IfZMkcL4BRhBjfNssSq8t1",
	},
	// expect-not: secret-generic-password
	&cli.StringFlag{Name: "partition", Value: "compute-nodes-2024"},
	// expect-not: secret-generic-password
	&cli.StringFlag{Name: "api-token", EnvVars: []string{"API_TOKEN"}},
}

// A cookie built with key material: a long-lived session, whatever the cookie's name.
func Kiosk() *http.Cookie {
	// expect: secret-generic-password@45-89
	return &http.Cookie{Name: "kiosk", Value: "mofkwwlg6VdNogzKckIiazudRotA3tG4fE3mu30LqOJ6", Secure: true}
}

// A preference cookie's value is a word.
func Theme() *http.Cookie {
	// expect-not: secret-generic-password
	return &http.Cookie{Name: "theme", Value: "dark-compact-layout"}
}
