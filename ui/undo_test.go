package ui

import (
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
)

func state(id uint64) snapshot {
	return snapshot{concept: &concepts.Concept{Name: "c"}, id: id}
}

func TestHistoryMergesTyping(t *testing.T) {
	var h history
	if !h.record("count/0/0", state(1)) {
		t.Fatal("the first edit merged with nothing")
	}
	if h.record("count/0/0", state(2)) || h.record("count/0/0", state(3)) {
		t.Error("typing into one field made several steps")
	}
	if !h.record("count/0/1", state(4)) {
		t.Error("another field merged")
	}
	h.breakMerge()
	if !h.record("count/0/1", state(5)) {
		t.Error("an edit after a break merged")
	}
	if !h.record("", state(6)) || !h.record("", state(7)) {
		t.Error("edits without a key merged")
	}
	if got := len(h.past); got != 5 {
		t.Errorf("steps = %d, want 5", got)
	}
}

func TestHistoryUndoRedo(t *testing.T) {
	var h history
	h.record("", state(1))
	h.record("", state(2))
	cur := state(3)
	s, ok := h.undo(cur)
	if !ok || s.id != 2 {
		t.Fatalf("undo = %d, %v; want 2", s.id, ok)
	}
	s, ok = h.undo(s)
	if !ok || s.id != 1 || h.canUndo() {
		t.Fatalf("second undo = %d, %v", s.id, ok)
	}
	if _, ok := h.undo(s); ok {
		t.Error("undo past the start")
	}
	s, ok = h.redo(s)
	if !ok || s.id != 2 {
		t.Fatalf("redo = %d, %v; want 2", s.id, ok)
	}
	// A new edit drops the redo steps.
	h.record("", s)
	if h.canRedo() {
		t.Error("redo survives a new edit")
	}
}

func TestHistoryIsBounded(t *testing.T) {
	var h history
	for i := range maxUndo + 50 {
		h.record("", state(uint64(i)))
	}
	if got := len(h.past); got != maxUndo {
		t.Errorf("steps = %d, want %d", got, maxUndo)
	}
	if h.past[0].id != 50 {
		t.Errorf("oldest step = %d, want 50", h.past[0].id)
	}
}
