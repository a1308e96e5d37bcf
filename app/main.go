// Command bokonsept is Bokonsept: with no arguments (or a concept file) it
// opens the desktop configurator; with a subcommand it runs the same engine
// on the command line:
//
//	bokonsept                              the window, on the Solenga sample
//	bokonsept konsept.yaml                 the window, on a concept file
//	bokonsept estimate [--json] konsept.yaml
//	bokonsept validate fil.yaml ...
//	bokonsept catalogue [katalog.yaml]
//	bokonsept tender konsept.yaml -o anbud.pdf
//	bokonsept prices konsept.yaml -o prisskjema.xlsx
//
// Exit codes: 0 fine, 1 invalid input, 2 wrong use.
package main

import (
	"fmt"
	"os"
	"runtime"
	"time"

	// Before anything of Fyne starts: keeps its complaint about a C locale
	// off standard error.
	_ "github.com/hallingdal/bokonsept/app/internal/quietlocale"
	"github.com/hallingdal/bokonsept/i18n"
)

// version is the program version, set at build time from FyneApp.toml.
var version = "0.1.0"

func main() {
	os.Exit(run(os.Args[1:]))
}

// run dispatches to the GUI or to a subcommand and returns the exit code.
func run(args []string) int {
	if len(args) == 0 {
		return gui("")
	}
	if len(args) == 1 && !isCommand(args[0]) {
		if st, err := os.Stat(args[0]); err == nil && !st.IsDir() {
			return gui(args[0])
		}
	}
	return runCLI(args, os.Stdout, os.Stderr)
}

// gui opens the window, or explains why it cannot: on Linux without a
// display Fyne would panic deep inside GLFW, and without OpenGL 2.1 (remote
// desktops, see probeOpenGL) it would quit without a word.
func gui(file string) int {
	if runtime.GOOS == "linux" && os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		fmt.Fprintln(os.Stderr, i18n.New(envLang()).T("cli.err.no_display"))
		return exitInvalid
	}
	// A probe can fail for a moment on a busy X server (a software GL
	// context under Xvfb now and then); only one that fails three times
	// in a row says OpenGL is missing.
	var err error
	for try := range 3 {
		if err = probeOpenGL(); err == nil {
			break
		}
		time.Sleep(time.Duration(try+1) * 200 * time.Millisecond)
	}
	if err != nil {
		showNoOpenGL(noOpenGLText(envLang(), err.Error()))
		return exitInvalid
	}
	return runGUI(file)
}
