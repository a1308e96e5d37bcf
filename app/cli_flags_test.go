package main

import (
	"strings"
	"testing"
)

// TestFlagErrors checks that a wrong flag is told in the user's language,
// followed by the command's usage and options, with nothing in English
// from the flag package.
func TestFlagErrors(t *testing.T) {
	for _, tc := range []struct {
		args  []string
		first string
	}{
		{[]string{"estimate", "-x", "k.yaml"}, "ukjent valg -x; valgene kommandoen kjenner, står nedenfor"},
		{[]string{"estimate", "k.yaml", "--nope=1"}, "ukjent valg --nope; valgene kommandoen kjenner, står nedenfor"},
		{[]string{"estimate", "k.yaml", "--variant"}, "valget --variant trenger en verdi etter seg, som vist nedenfor"},
		{[]string{"tender", "k.yaml", "-o"}, "valget -o trenger en verdi etter seg, som vist nedenfor"},
		{[]string{"estimate", "--json=ja", "k.yaml"}, `valget --json er enten på eller av og tar ikke verdien "ja": skriv bare --json`},
		{[]string{"estimate", "---x", "k.yaml"}, `feilskrevet valg "---x": et valg skrives --navn eller --navn=verdi`},
		{[]string{"estimate", "--lang", "en", "--nope", "k.yaml"}, "unknown option --nope; the options the command knows are listed below"},
		{[]string{"prices", "--lang=en", "--json", "k.yaml"}, "unknown option --json; the options the command knows are listed below"},
	} {
		code, out, errOut := runT(t, tc.args...)
		if code != exitUsage || out != "" {
			t.Errorf("%v: exit %d, stdout %q; want exit %d and nothing", tc.args, code, out, exitUsage)
		}
		lines := strings.Split(errOut, "\n")
		if lines[0] != tc.first {
			t.Errorf("%v: first line\n%s\nwant\n%s", tc.args, lines[0], tc.first)
		}
		if len(lines) < 3 || !strings.Contains(lines[1], " bokonsept "+tc.args[0]+" ") || (lines[2] != "Valg:" && lines[2] != "Options:") {
			t.Errorf("%v: no usage and options after the error:\n%s", tc.args, errOut)
		}
		for _, english := range []string{"flag provided", "needs an argument", "invalid", "bad flag", "(default", "Usage of", " string\n"} {
			if strings.Contains(errOut, english) && !strings.HasPrefix(lines[0], "unknown") {
				t.Errorf("%v: English from the flag package (%q):\n%s", tc.args, english, errOut)
			}
		}
	}
}

// TestFlagUsage checks the whole of what a wrong flag prints for the
// command with one option, and for help asked with -h.
func TestFlagUsage(t *testing.T) {
	const usage = "Bruk: bokonsept validate [--lang en] FIL.yaml ...\n" +
		"Valg:\n" +
		"  --lang  språk: nb (bokmål) eller en (engelsk) (standard: nb)\n"
	code, _, errOut := runT(t, "validate", "--nope")
	if want := "ukjent valg --nope; valgene kommandoen kjenner, står nedenfor\n" + usage; code != exitUsage || errOut != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit %d, stderr:\n%s", code, errOut, exitUsage, want)
	}
	code, _, errOut = runT(t, "validate", "-h")
	if code != exitOK || errOut != usage {
		t.Errorf("-h: exit %d, stderr:\n%s\nwant exit %d, stderr:\n%s", code, errOut, exitOK, usage)
	}
}

// TestFlagUsageEnglish checks that the options are told in the language
// --lang asked for before the wrong flag.
func TestFlagUsageEnglish(t *testing.T) {
	want := "unknown option --nope; the options the command knows are listed below\n" +
		"Usage: bokonsept validate [--lang en] FILE.yaml ...\n" +
		"Options:\n" +
		"  --lang  language: nb (Norwegian bokmål) or en (English) (default: nb)\n"
	code, _, errOut := runT(t, "validate", "--lang", "en", "--nope")
	if code != exitUsage || errOut != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit %d, stderr:\n%s", code, errOut, exitUsage, want)
	}
}
