package main

import (
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"sync"
	"syscall"
)

// The environment variables that make the window profile itself, for the
// edit-path and memory measurements in docs/PERFORMANCE.md (`go tool pprof
// bokonsept FILE`): cpuProfileEnv names the file for a Go CPU profile of the
// whole run, heapProfileEnv the file for a heap profile written when the
// window ends (after a collection, so it shows what is live).
const (
	cpuProfileEnv  = "BOKONSEPT_CPUPROFILE"
	heapProfileEnv = "BOKONSEPT_HEAPPROFILE"
)

// sampleHeapOnlyForProfile turns the runtime's sampling of allocations off
// unless a heap profile is asked for. The Go runtime samples one allocation
// in every 512 kB by default and keeps each sample's call stack for good:
// about 1.7 MB of the window's memory with 50 variants, which nothing reads
// but a heap profile (docs/PERFORMANCE.md, "Memory"). It must run before the
// window allocates, so that a profile, when asked for, sees every allocation
// from the start.
func sampleHeapOnlyForProfile() {
	if os.Getenv(heapProfileEnv) == "" {
		runtime.MemProfileRate = 0
	}
}

// startProfile starts the profiles the environment asks for and returns
// the function that ends them; both do nothing when neither variable is
// set. The profiles also end, and the program exits, on SIGINT or SIGTERM,
// which is how scripts stop the window.
func startProfile() (stop func()) {
	cpuPath, heapPath := os.Getenv(cpuProfileEnv), os.Getenv(heapProfileEnv)
	if cpuPath == "" && heapPath == "" {
		return func() {}
	}
	var cpu *os.File
	if cpuPath != "" {
		f, err := os.Create(cpuPath)
		if err == nil {
			err = pprof.StartCPUProfile(f)
			if err != nil {
				f.Close()
			}
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "bokonsept:", err)
		} else {
			cpu = f
		}
	}
	var once sync.Once
	stop = func() {
		once.Do(func() {
			if cpu != nil {
				pprof.StopCPUProfile()
				if err := cpu.Close(); err != nil {
					fmt.Fprintln(os.Stderr, "bokonsept:", err)
				}
			}
			if heapPath != "" {
				if err := writeHeapProfile(heapPath); err != nil {
					fmt.Fprintln(os.Stderr, "bokonsept:", err)
				}
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

// writeHeapProfile collects the garbage and writes the heap profile to path.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
