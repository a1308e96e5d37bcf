//go:build windows

package main

import (
	"log"
	"os"

	"github.com/hallingdal/bokonsept/app/internal/quietlocale"
	"golang.org/x/sys/windows"
)

// attachParentProcess is ATTACH_PARENT_PROCESS: AttachConsole's argument
// for the console of the process that started this one.
const attachParentProcess = ^uint32(0)

// procAttachConsole is kernel32's AttachConsole, which x/sys/windows does
// not wrap.
var procAttachConsole = windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")

// Bokonsept.exe is linked as a GUI program (-H=windowsgui), so that no
// console window flashes up when it starts from the Start menu or a
// double-click. Such a program gets no console: started from cmd.exe or
// PowerShell with a command, it attaches to the console it was started
// from, so that "Bokonsept.exe estimate konsept.yaml" prints there.
func init() {
	if wantsConsole(os.Args[1:]) {
		useParentConsole()
	}
}

// useParentConsole points standard output and standard error at the
// parent's console where they lead nowhere. A stream that already leads
// somewhere (redirected to a file or a pipe: "> ut.txt", "| more", or the
// streams Wine hands on from a Unix shell) is kept as it is.
func useParentConsole() {
	out := usable(windows.STD_OUTPUT_HANDLE)
	errs := usable(windows.STD_ERROR_HANDLE)
	if out && errs {
		return
	}
	if r, _, _ := procAttachConsole.Call(uintptr(attachParentProcess)); r == 0 {
		return // started from Explorer or a shortcut: there is no console to print to
	}
	if !out {
		if f := openConsoleOutput(); f != nil {
			os.Stdout = f
			_ = windows.SetStdHandle(windows.STD_OUTPUT_HANDLE, windows.Handle(f.Fd()))
		}
	}
	if !errs {
		if f := openConsoleOutput(); f != nil {
			os.Stderr = f
			_ = windows.SetStdHandle(windows.STD_ERROR_HANDLE, windows.Handle(f.Fd()))
			// The standard logger was given the old standard error
			// before this ran.
			log.SetOutput(&quietlocale.Filter{W: f})
		}
	}
}

// usable reports whether the standard handle std leads to a file, pipe or
// console.
func usable(std uint32) bool {
	h, err := windows.GetStdHandle(std)
	if err != nil || h == 0 || h == windows.InvalidHandle {
		return false
	}
	t, err := windows.GetFileType(h)
	return err == nil && t != windows.FILE_TYPE_UNKNOWN
}

// openConsoleOutput opens the attached console's screen buffer for
// writing, or returns nil.
func openConsoleOutput() *os.File {
	f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0)
	if err != nil {
		return nil
	}
	return f
}
