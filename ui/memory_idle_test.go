package ui

import (
	"testing"
	"time"
)

// Edits in quick succession release the memory once, after the last of
// them; a window without an idleRelease (the tests') does nothing.
func TestIdleReleaseAfterLastEdit(t *testing.T) {
	u := newTestUI(t)
	released := make(chan time.Time, 10)
	u.idle = &idleRelease{delay: 400 * time.Millisecond, release: func() { released <- time.Now() }}
	n := u.ed.variant().Units[0].Count
	var last time.Time // when the last edit began: it touches during it
	for i := range 3 {
		last = time.Now()
		if err := u.ed.setCount(0, n+1+i); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case at := <-released:
		if at.Sub(last) < u.idle.delay {
			t.Errorf("released %v after the last edit, want at least %v", at.Sub(last), u.idle.delay)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no release 5 s after the edits")
	}
	select {
	case <-released:
		t.Error("three edits released the memory more than once")
	case <-time.After(600 * time.Millisecond):
	}
	var none *idleRelease
	none.touch()
}
