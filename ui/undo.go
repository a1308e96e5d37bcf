package ui

import "github.com/hallingdal/bokonsept/concepts"

// maxUndo is the number of steps the undo history keeps.
const maxUndo = 200

// snapshot is one state of the concept being edited: a deep copy of the
// concept, the variant that was selected, and the state's id (which tells
// whether it is the saved state).
type snapshot struct {
	concept  *concepts.Concept
	selected int
	id       uint64
}

// history holds the undo and redo stacks. Consecutive edits with the same
// non-empty key (typing into one field) merge into one step.
type history struct {
	past, future []snapshot
	lastKey      string
}

// record is called before an edit with the state it is about to change.
// It returns false when the edit merges with the previous one.
func (h *history) record(key string, before snapshot) bool {
	h.future = nil
	if key != "" && key == h.lastKey && len(h.past) > 0 {
		return false
	}
	h.lastKey = key
	h.past = append(h.past, before)
	if len(h.past) > maxUndo {
		h.past = h.past[len(h.past)-maxUndo:]
	}
	return true
}

// undo returns the state before the last step, given the current state.
func (h *history) undo(current snapshot) (snapshot, bool) {
	if len(h.past) == 0 {
		return snapshot{}, false
	}
	prev := h.past[len(h.past)-1]
	h.past = h.past[:len(h.past)-1]
	h.future = append(h.future, current)
	h.lastKey = ""
	return prev, true
}

// redo returns the state the last undo left, given the current state.
func (h *history) redo(current snapshot) (snapshot, bool) {
	if len(h.future) == 0 {
		return snapshot{}, false
	}
	next := h.future[len(h.future)-1]
	h.future = h.future[:len(h.future)-1]
	h.past = append(h.past, current)
	h.lastKey = ""
	return next, true
}

// breakMerge ends merging, so that the next edit is a step of its own.
func (h *history) breakMerge() { h.lastKey = "" }

// canUndo and canRedo report whether there is a step to undo or redo.
func (h *history) canUndo() bool { return len(h.past) > 0 }
func (h *history) canRedo() bool { return len(h.future) > 0 }

// clear forgets every step (a new or opened concept).
func (h *history) clear() {
	h.past, h.future, h.lastKey = nil, nil, ""
}
