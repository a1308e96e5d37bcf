package main

import (
	"errors"
	"io"

	"github.com/hallingdal/bokonsept/tender"
)

// report writes the decision makers' PDF ("Beslutningsgrunnlag") of every
// variant (or of the --variant chosen), marked internal on every page.
func (c *cli) report(args []string) error {
	fs := c.flagSet("report")
	var o loadOptions
	o.register(fs, c.lang)
	out := fs.String("o", "", "cli.flag.out")
	pos, err := c.parseLang(fs, args, &o.lang)
	if err != nil {
		return err
	}
	path, err := c.exactlyOne(fs, pos)
	if err != nil {
		return err
	}
	if *out == "" {
		c.usageOf(fs)
		return errUsage
	}
	p, all, which, err := c.loadEstimates(path, o)
	if err != nil {
		return err
	}
	in := tender.Input{Project: p, Estimates: all, Variants: which, Lang: c.lang, Version: version}
	if err := tender.WriteFileAtomic(*out, func(w io.Writer) error { return tender.WriteReport(w, in) }); err != nil {
		return errors.New(c.l.T("cli.err.write", *out, err))
	}
	return nil
}
