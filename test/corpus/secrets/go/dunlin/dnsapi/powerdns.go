package dnsapi

import (
	"context"
	"net/http"

	"github.com/go-ldap/ldap/v3"
	"github.com/joeig/go-powerdns/v3"
)

const (
	pdnsURL      = "https://pdns-api.core.dunlin.net"
	pdnsServerID = "localhost"
	// APIKeyHeader is the header PowerDNS reads the key from.
	APIKeyHeader = "X-API-Key"
)

func Client() *powerdns.Client {
	return powerdns.New(pdnsURL, pdnsServerID,
		powerdns.WithAPIKey("LpSREkV63f2maYHN4CYFjPtTUubpC9OP"),
		powerdns.WithHTTPClient(http.DefaultClient),
	)
}

// AuthorizeZoneAdmin checks the requester against the NOC group in the directory.
func AuthorizeZoneAdmin(ctx context.Context, uid string) (bool, error) {
	l, err := ldap.DialURL("ldaps://ldap.dunlin.net:636")
	if err != nil {
		return false, err
	}
	defer l.Close()
	if err := l.Bind("cn=pdns-admin,ou=services,dc=dunlin,dc=net", "xhTFNY5hEUhBp=+Xugk5"); err != nil {
		return false, err
	}
	res, err := l.Search(ldap.NewSearchRequest("ou=people,dc=dunlin,dc=net", ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 1, 0, false,
		"(&(uid="+ldap.EscapeFilter(uid)+")(memberOf=cn=noc,ou=groups,dc=dunlin,dc=net))", []string{"dn"}, nil))
	if err != nil {
		return false, err
	}
	return len(res.Entries) == 1, nil
}
