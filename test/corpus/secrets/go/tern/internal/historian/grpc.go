package historian

import (
	"context"

	"golang.org/x/oauth2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/oauth"
	"google.golang.org/grpc/metadata"
)

const tokenHeader = "authorization"

func DialOptions() []grpc.DialOption {
	src := oauth.TokenSource{TokenSource: oauth2.StaticTokenSource(&oauth2.Token{
		AccessToken: "tc6qfax7wo2j47o4OCWzHnkxoowXmihZZCbDQWMnHGALCcnX",
		TokenType:   "Bearer",
	})}
	return []grpc.DialOption{grpc.WithPerRPCCredentials(src)}
}

func WithReplayIdentity(ctx context.Context) context.Context {
	return metadata.AppendToOutgoingContext(ctx, tokenHeader, "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJoaXN0b3JpYW4tcmVwbGF5IiwiaXNzIjoiaHR0cHM6Ly9hdXRoLnRlcm4tZW5lcmd5LmV4YW1wbGUiLCJpYXQiOjE3NzU2MjQ1ODIsImV4cCI6MTgwNzE2MDU4Mn0.Lc9SjoW3hM-BN8DPmrrkesThrb4cO3DvdvcyCVH0pEE")
}
