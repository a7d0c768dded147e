package tugboat

import (
	"fmt"
	"os"

	"github.com/go-sql-driver/mysql"
	"gorm.io/driver/mysql"
)

// The Go MySQL driver's DSN has no scheme: user:password@tcp(host)/db.
// expect: secret-credential-in-uri@29-47
var manifestsDSN = "tugboat:3aFnOQLB4iJUSdo-6O@tcp(mysql.tugboat.test:3306)/manifests?parseTime=true"

// expect: secret-credential-in-uri@26-44
var socketDSN = "tugboat:snT55U11zTWauX4a5p@unix(/var/run/mysqld/mysqld.sock)/manifests"

// No password, or one put in at run time.
// expect-not: secret-credential-in-uri
var readOnlyDSN = "reader@tcp(mysql.tugboat.test:3306)/manifests"

// expect-not: secret-credential-in-uri
var built = fmt.Sprintf("%s:%s@tcp(%s)/manifests", "tugboat", os.Getenv("DB_PASSWORD"), "mysql.tugboat.test:3306")
