// Command ferretdb runs FerretDB v1 with its SQLite backend as a MongoDB-compatible
// database for local runs and CI, where no MongoDB server can be installed.
//
// It embeds github.com/FerretDB/FerretDB/ferretdb rather than building the upstream
// command, whose binary panics without a git-ignored version file (FerretDB #2982).
package main

import (
	"context"
	"database/sql"
	"flag"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
	_ "modernc.org/sqlite"
)

// sqliteOptions for every database file:
//   - BEGIN IMMEDIATE: a writer takes the write lock up front and waits (busy_timeout, 10 s) instead
//     of failing at once with SQLITE_BUSY when its transaction would upgrade from reader to writer
//     under WAL (seen with 50 concurrent upserts);
//   - WAL stays (FerretDB's open read cursors would block writers under a rollback journal), with
//     synchronous NORMAL: no fsync per commit (at 33 writes/s fsync was the bottleneck); a crash of
//     this process loses nothing, a power cut may lose the last commits. A development database:
//     production runs MongoDB.
const sqliteOptions = "?_txlock=immediate&_pragma=busy_timeout(10000)&_pragma=journal_mode(wal)&_pragma=synchronous(normal)"

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	dataDir := flag.String("data", ".local/ferretdb/data", "SQLite data directory")
	flag.Parse()

	if err := os.MkdirAll(*dataDir, 0o755); err != nil {
		log.Fatalf("ferretdb: cannot create data directory %s: %v", *dataDir, err)
	}
	quarantineBrokenDatabases(*dataDir)

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Handler:   "sqlite",
		SQLiteURL: "file:" + *dataDir + "/" + sqliteOptions,
	})
	if err != nil {
		log.Fatalf("ferretdb: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	log.Printf("ferretdb listening on %s, data in %s", *listen, *dataDir)
	f.Run(ctx)
}

// quarantineBrokenDatabases moves aside database files that FerretDB cannot open (for example one
// whose creation was cut short by a crash): FerretDB refuses to start while any file in the data
// directory lacks its metadata table, which would take every other database down with it.
func quarantineBrokenDatabases(dataDir string) {
	files, err := filepath.Glob(filepath.Join(dataDir, "*.sqlite"))
	if err != nil {
		log.Fatalf("ferretdb: %v", err)
	}
	for _, file := range files {
		if reason := checkDatabase(file); reason != "" {
			target := filepath.Join(filepath.Dir(dataDir), "quarantine")
			if err := os.MkdirAll(target, 0o755); err != nil {
				log.Fatalf("ferretdb: %v", err)
			}
			for _, suffix := range []string{"", "-journal", "-wal", "-shm"} {
				if _, err := os.Stat(file + suffix); err == nil {
					if err := os.Rename(file+suffix, filepath.Join(target, filepath.Base(file)+suffix)); err != nil {
						log.Fatalf("ferretdb: cannot move %s aside: %v", file, err)
					}
				}
			}
			log.Printf("ferretdb: moved %s to %s: %s", filepath.Base(file), target, reason)
		}
	}
}

func checkDatabase(file string) string {
	db, err := sql.Open("sqlite", "file:"+file+"?mode=ro")
	if err != nil {
		return err.Error()
	}
	defer db.Close()
	var n int
	err = db.QueryRow("SELECT count(*) FROM sqlite_master WHERE name = '_ferretdb_collections'").Scan(&n)
	switch {
	case err != nil:
		return strings.TrimSpace(err.Error())
	case n == 0:
		return "no FerretDB metadata table (creation interrupted)"
	}
	return ""
}
