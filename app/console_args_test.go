package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWantsConsole: the window opens with no arguments or one naming an
// existing file (a double-clicked concept); everything else is the command
// line, which on Windows attaches to the parent's console.
func TestWantsConsole(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "Solenga på Gol.yaml")
	if err := os.WriteFile(file, []byte("format: bokonsept/concept@1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	type testCase struct {
		name string
		args []string
		want bool
	}
	for _, tc := range []testCase{
		{name: "no arguments", args: nil, want: false},
		{name: "a concept file", args: []string{file}, want: false},
		{name: "a command", args: []string{"estimate", file}, want: true},
		{name: "version", args: []string{"version"}, want: true},
		{name: "help", args: []string{"--help"}, want: true},
		{name: "a missing file", args: []string{filepath.Join(dir, "finnes-ikke.yaml")}, want: true},
		{name: "a folder", args: []string{dir}, want: true},
		{name: "a file and more", args: []string{file, "--json"}, want: true},
	} {
		if got := wantsConsole(tc.args); got != tc.want {
			t.Errorf("%s: wantsConsole(%q) = %v, want %v", tc.name, tc.args, got, tc.want)
		}
	}
}
