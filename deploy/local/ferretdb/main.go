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
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

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

// childEnv marks the process that serves; without it the process supervises one that does.
const childEnv = "HANGVIET_FERRETDB_CHILD"

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	dataDir := flag.String("data", ".local/ferretdb/data", "SQLite data directory")
	flag.Parse()

	if err := os.MkdirAll(*dataDir, 0o755); err != nil {
		log.Fatalf("ferretdb: cannot create data directory %s: %v", *dataDir, err)
	}
	if os.Getenv(childEnv) != "1" {
		supervise(*dataDir)
		return
	}
	serve(*listen, *dataDir)
}

// supervise runs the server as a child process and starts it again when it crashes: modernc
// SQLite can die with SIGBUS in its WAL index under heavy concurrency (seen twice under parallel
// test load), and one crash should cost the requests in flight, not every test that follows.
// SIGTERM/SIGINT are passed on; more than 10 crashes in 10 minutes ends the supervisor too.
func supervise(dataDir string) {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
	var crashes []time.Time
	for {
		quarantineBrokenDatabases(dataDir)
		child := exec.Command(os.Args[0], os.Args[1:]...)
		child.Env = append(os.Environ(), childEnv+"=1")
		child.Stdout, child.Stderr = os.Stdout, os.Stderr
		if err := child.Start(); err != nil {
			log.Fatalf("ferretdb: cannot start the server process: %v", err)
		}
		exited := make(chan error, 1)
		go func() { exited <- child.Wait() }()
		select {
		case sig := <-signals:
			_ = child.Process.Signal(sig)
			<-exited
			return
		case err := <-exited:
			if err == nil {
				return
			}
			now := time.Now()
			crashes = append(crashes, now)
			for len(crashes) > 0 && now.Sub(crashes[0]) > 10*time.Minute {
				crashes = crashes[1:]
			}
			if len(crashes) > 10 {
				log.Fatalf("ferretdb: the server crashed %d times in 10 minutes (last: %v); giving up", len(crashes), err)
			}
			log.Printf("ferretdb: the server process crashed (%v); restarting it", err)
			time.Sleep(200 * time.Millisecond)
		}
	}
}

func serve(listen, dataDir string) {

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: listen},
		Handler:   "sqlite",
		SQLiteURL: "file:" + dataDir + "/" + sqliteOptions,
	})
	if err != nil {
		log.Fatalf("ferretdb: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	log.Printf("ferretdb listening on %s, data in %s", listen, dataDir)
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
