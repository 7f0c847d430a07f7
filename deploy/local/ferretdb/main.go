// Command ferretdb runs FerretDB v1 with its PostgreSQL handler as a MongoDB-compatible database
// for local runs and CI, where no MongoDB server can be installed.
//
// It embeds github.com/FerretDB/FerretDB/ferretdb rather than building the upstream command,
// whose binary panics without a git-ignored version file (FerretDB #2982). The fixes hangviet
// needs are patches applied to a vendored copy at build time (patches/, see deploy/local/infra.mjs).
package main

import (
	"context"
	"flag"
	"log"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	postgresqlURL := flag.String("postgresql-url", "postgres://ferretdb@127.0.0.1:5433/postgres", "PostgreSQL URL")
	flag.Parse()

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:      ferretdb.ListenerConfig{TCP: *listen},
		Handler:       "postgresql",
		PostgreSQLURL: *postgresqlURL,
	})
	if err != nil {
		log.Fatalf("ferretdb: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	log.Printf("ferretdb listening on %s, PostgreSQL at %s", *listen, *postgresqlURL)
	f.Run(ctx)
}
