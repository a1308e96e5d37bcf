package main

import (
	"errors"
	"io"

	"github.com/hallingdal/bokonsept/tender"
)

// tender writes the tenderers' PDF ("Beskrivelse og prisskjema") of one
// variant: refused for a variant with a failing check or a price book
// unless --force.
func (c *cli) tender(args []string) error {
	return c.tenderDocument("tender", args, func(w io.Writer, in tender.Input, force bool) error {
		return tender.WriteTender(w, in, tender.TenderOptions{Force: force})
	})
}

// prices writes the tenderers' XLSX price schedule of one variant, refused
// like tender.
func (c *cli) prices(args []string) error {
	return c.tenderDocument("prices", args, func(w io.Writer, in tender.Input, force bool) error {
		return tender.WriteSchedule(w, in, tender.ScheduleOptions{Force: force})
	})
}

// tenderDocument writes a document for the tenderers of the --variant
// chosen to the -o file atomically.
func (c *cli) tenderDocument(name string, args []string, write func(io.Writer, tender.Input, bool) error) error {
	fs := c.flagSet(name)
	var o loadOptions
	o.register(fs, c.lang)
	out := fs.String("o", "", "cli.flag.out")
	force := fs.Bool("force", false, "cli.flag.force")
	pos, err := c.parseLang(fs, args, &o.lang)
	if err != nil {
		return err
	}
	path, err := c.exactlyOne(fs, pos)
	if err != nil {
		return err
	}
	if *out == "" || o.variant == "" {
		c.usageOf(fs)
		return errUsage
	}
	p, all, which, err := c.loadEstimates(path, o)
	if err != nil {
		return err
	}
	in := tender.Input{Project: p, Estimates: all, Variants: which, Lang: c.lang, Version: version}
	err = tender.WriteFileAtomic(*out, func(w io.Writer) error { return write(w, in, *force) })
	switch {
	case errors.Is(err, tender.ErrPriceBook) || errors.Is(err, tender.ErrFailing):
		return errors.New(c.l.T("cli.err.refused", err))
	case err != nil:
		return errors.New(c.l.T("cli.err.write", *out, err))
	}
	return nil
}
