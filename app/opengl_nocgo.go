//go:build !cgo

package main

// probeOpenGL has nothing to probe in a build without cgo, which has no
// window of its own.
func probeOpenGL() error { return nil }
