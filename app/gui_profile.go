package main

import (
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"
	"sync"
	"syscall"
)

// profileEnv names the environment variable that makes the window write a
// Go CPU profile of its whole run to the file it names, for the edit-path
// measurements in docs/PERFORMANCE.md (`go tool pprof bokonsept FILE`).
const profileEnv = "BOKONSEPT_CPUPROFILE"

// startProfile starts the CPU profile profileEnv asks for and returns the
// function that ends it; both do nothing when the variable is unset. The
// profile also ends, and the program exits, on SIGINT or SIGTERM, which is
// how scripts stop the window.
func startProfile() (stop func()) {
	path := os.Getenv(profileEnv)
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bokonsept:", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintln(os.Stderr, "bokonsept:", err)
		f.Close()
		return func() {}
	}
	var once sync.Once
	stop = func() {
		once.Do(func() {
			pprof.StopCPUProfile()
			if err := f.Close(); err != nil {
				fmt.Fprintln(os.Stderr, "bokonsept:", err)
			}
		})
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sig
		stop()
		os.Exit(0)
	}()
	return stop
}
