package ui

import (
	"runtime/debug"
	"time"
)

// idleReleaseDelay is how long the window waits after its last change
// (an edit, a simulation's progress or result) before it hands the memory
// its Go heap no longer uses back to the system: long enough that the
// collection does not land between the keys of someone still typing.
const idleReleaseDelay = 5 * time.Second

// idleRelease returns unused heap memory to the system once the window is
// idle. Between collections the Go runtime keeps the memory it freed for
// the next allocations: with 50 variants about 10-15 MB of the window's
// resident memory is heap that holds nothing (docs/PERFORMANCE.md,
// "Memory"). A full collection that returns it costs about as much CPU as
// one edit, so it waits until the edits stop; the next edit takes the
// memory back as it needs it.
type idleRelease struct {
	delay   time.Duration
	release func() // debug.FreeOSMemory in the window
	timer   *time.Timer
}

// newIdleRelease returns the window's idleRelease.
func newIdleRelease() *idleRelease {
	return &idleRelease{delay: idleReleaseDelay, release: debug.FreeOSMemory}
}

// touch notes a change: the release waits for delay from now. It runs on
// the UI goroutine; a nil idleRelease (the tests' windows) does nothing.
func (r *idleRelease) touch() {
	if r == nil {
		return
	}
	if r.timer == nil {
		r.timer = time.AfterFunc(r.delay, r.release)
		return
	}
	r.timer.Reset(r.delay)
}
