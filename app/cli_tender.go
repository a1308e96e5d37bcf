package main

import (
	"errors"
	"io"

	"github.com/hallingdal/bokonsept/tender"
)

func (c *cli) tender(args []string) error {
	return c.document("tender", args, tender.WritePDF)
}

func (c *cli) prices(args []string) error {
	return c.document("prices", args, tender.WriteXLSX)
}

// document writes a tender document (PDF specification or XLSX price
// schedule) of the chosen variant, or of all, to the -o file atomically.
func (c *cli) document(name string, args []string, write func(io.Writer, tender.Input) error) error {
	fs := c.flagSet(name)
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
	if err := tender.WriteFileAtomic(*out, func(w io.Writer) error { return write(w, in) }); err != nil {
		return errors.New(c.l.T("cli.err.write", *out, err))
	}
	return nil
}
