package ui

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// A killed window whose process waits to be reaped (a zombie) is gone:
// its recovery copy is offered.
func TestInstanceAliveZombie(t *testing.T) {
	sleep, err := exec.LookPath("sleep")
	if err != nil {
		t.Skip("no sleep command")
	}
	cmd := exec.Command(sleep, "60")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pid := cmd.Process.Pid
	start := processStart(pid)
	if start == "" {
		t.Fatal("a running process has no start")
	}
	if !instanceAlive(instanceID{PID: pid, Start: start}, time.Now()) {
		t.Error("a running process is not alive")
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	// Not waited for: the process stays a zombie until cmd.Wait.
	for range 500 {
		data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
		if err != nil || strings.Contains(string(data), ") Z ") {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if instanceAlive(instanceID{PID: pid, Start: start}, time.Now()) {
		t.Error("a killed process (a zombie) is taken as alive")
	}
	cmd.Wait()
}
