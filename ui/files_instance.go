package ui

import (
	"os"
	"strconv"
	"sync"
	"time"
)

// instanceID names one running Bokonsept process: its process id and when
// it started (so that a later process given the same id is another one).
type instanceID struct {
	PID   int    `json:"pid"`
	Start string `json:"start"`
}

// key is the instance in a file name: "4711-123456".
func (i instanceID) key() string { return strconv.Itoa(i.PID) + "-" + i.Start }

// processStarted is when this process first asked who it is, for systems
// that cannot tell a process's start.
var processStarted = time.Now()

// thisInstance is the running process.
var thisInstance = sync.OnceValue(func() instanceID {
	pid := os.Getpid()
	start := processStart(pid)
	if start == "" {
		start = "t" + strconv.FormatInt(processStarted.UnixNano(), 36)
	}
	return instanceID{PID: pid, Start: start}
})

// instanceAlive reports whether the instance that wrote a recovery copy at
// saved still runs. Where the system tells a process's start (Linux), it
// is alive when a process of its id started when it did; elsewhere, when
// its copy is younger than recoveryStaleAge (a running window rewrites its
// copy at every autosave while it has unsaved changes).
func instanceAlive(i instanceID, saved time.Time) bool {
	if i.PID <= 0 {
		return false
	}
	if canTellStart() {
		return processStart(i.PID) == i.Start
	}
	return time.Since(saved) < recoveryStaleAge()
}

// recoveryStaleAge is how old a recovery copy is when the window that
// wrote it is taken as gone, on systems that cannot tell.
func recoveryStaleAge() time.Duration {
	return max(2*time.Minute, 4*autosaveInterval())
}
