// Command icon writes Bokonsept's application icon, drawn by ui.Icon, to
// assets/icon.png (512×512) for FyneApp.toml and packaging:
//
//	go run -tags migrated_fynedo ./scripts/icon [assets/icon.png]
package main

import (
	"fmt"
	"os"

	"github.com/hallingdal/bokonsept/ui"
)

func main() {
	out := "assets/icon.png"
	if len(os.Args) > 1 {
		out = os.Args[1]
	}
	if err := os.WriteFile(out, ui.Icon().Content(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "icon:", err)
		os.Exit(1)
	}
}
