package ui

import (
	"os"
	"strconv"
	"strings"
)

// processStart returns when process pid started, in clock ticks since
// boot as /proc/<pid>/stat gives it; "" when there is no such process,
// or it has ended and waits to be reaped (a zombie: killed, its
// /proc entry stays until its parent collects it).
func processStart(pid int) string {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return ""
	}
	// The command name (field 2) is in parentheses and may hold spaces;
	// the start time is field 22, the 20th after it.
	s := string(data)
	end := strings.LastIndexByte(s, ')')
	if end < 0 {
		return ""
	}
	fields := strings.Fields(s[end+1:])
	if len(fields) < 20 || fields[0] == "Z" || fields[0] == "X" {
		return ""
	}
	return fields[19]
}

// canTellStart reports whether processStart works here (/proc is mounted).
func canTellStart() bool { return processStart(os.Getpid()) != "" }
