package main

import (
	"strings"
	"testing"
)

// TestNoOpenGLText: the message names what is missing, what the driver
// said, and how to use the command line instead, in both languages, with
// every argument in its place.
func TestNoOpenGLText(t *testing.T) {
	const found = "VersionUnavailable: WGL: OpenGL 1.1 only"
	type testCase struct {
		lang string
		want []string
	}
	for _, tc := range []testCase{
		{lang: "nb", want: []string{"OpenGL 2.1", found, "Kommandolinjen virker likevel", "bokonsept estimate konsept.yaml", "bokonsept help"}},
		{lang: "en", want: []string{"OpenGL 2.1", found, "The command line still works", "bokonsept estimate konsept.yaml", "bokonsept help"}},
	} {
		got := noOpenGLText(tc.lang, found)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: message lacks %q:\n%s", tc.lang, w, got)
			}
		}
		if strings.Contains(got, "%!") {
			t.Errorf("%s: badly formatted message:\n%s", tc.lang, got)
		}
	}
}
