//go:build !linux

package ui

// processStart cannot tell when a process started on this system.
func processStart(int) string { return "" }

// canTellStart reports false: instanceAlive goes by a copy's age here.
func canTellStart() bool { return false }
