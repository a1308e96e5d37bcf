package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/tender"
)

// init registers the bids command beside the others (app/cli.go).
func init() {
	commands["bids"] = struct {
		run  func(c *cli, args []string) error
		help string
	}{(*cli).bids, "cli.help.bids"}
	commandOrder = append(commandOrder, "bids")
}

// bids reads returned price schedules of one variant, checks, ranks and
// compares them with the estimate (docs/FORMATS.md, "Bids"). Every file is
// read and checked before anything is written: bad input changes nothing.
func (c *cli) bids(args []string) error {
	fs := c.flagSet("bids")
	var o loadOptions
	o.register(fs, c.lang)
	out := fs.String("o", "", "cli.flag.bids_out")
	asJSON := fs.Bool("json", false, "cli.flag.bids_json")
	bookDir := fs.String("pricebook-out", "", "cli.flag.pricebook_out")
	pos, err := c.parseLang(fs, args, &o.lang)
	if err != nil {
		return err
	}
	if len(pos) < 2 {
		if len(pos) == 1 {
			fmt.Fprintln(c.stderr, c.l.T("cli.err.bids_none"))
		}
		c.usageOf(fs)
		return errUsage
	}
	path, files := pos[0], pos[1:]
	p, e, err := c.loadVariant(path, o)
	if err != nil {
		return err
	}
	bids, err := tender.ReadBidFiles(files, e)
	if err != nil {
		var be tender.BidErrors
		if errors.As(err, &be) {
			return errors.New(be.Message(c.l))
		}
		return err
	}
	ev, err := tender.Evaluate(e, bids, c.lang)
	if err != nil {
		return err
	}
	if *out != "" {
		date, _ := time.Parse(time.DateOnly, p.Concept.Revision.Date)
		doc := tender.EvaluationDoc{Concept: p.Concept.Name, Lang: c.lang, Version: version, Date: date}
		if err := tender.WriteFileAtomic(*out, func(w io.Writer) error { return tender.WriteEvaluationPDF(w, ev, doc) }); err != nil {
			return errors.New(c.l.T("cli.err.write", *out, err))
		}
	}
	var wrote []string
	if *bookDir != "" {
		if err := os.MkdirAll(*bookDir, 0o755); err != nil {
			return errors.New(c.l.T("cli.err.write", *bookDir, err))
		}
		for i, b := range bids {
			name := filepath.Join(*bookDir, tender.BidPriceBookName(i+1, b.File))
			if err := tender.WriteFileAtomic(name, func(w io.Writer) error { return tender.WriteBidPriceBook(w, p, e, b) }); err != nil {
				return errors.New(c.l.T("cli.err.write", name, err))
			}
			wrote = append(wrote, name)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(ev.Report())
	}
	c.writeBids(p, ev)
	if *out != "" {
		wrote = append([]string{*out}, wrote...)
	}
	for _, w := range wrote {
		fmt.Fprintln(c.stdout, c.l.T("cli.bids.wrote", w))
	}
	return nil
}

// loadVariant loads the concept and estimates the --variant chosen (or the
// only one), without simulation: a bid is compared with
// entreprisekostnad, which the simulation does not change.
func (c *cli) loadVariant(path string, o loadOptions) (*concepts.Project, *costing.Estimate, error) {
	p, err := concepts.LoadProject(path, concepts.LoadOptions{Catalogue: o.catalogue, PriceBook: o.pricebook})
	if err != nil {
		return nil, nil, err
	}
	names := make([]string, len(p.Concept.Variants))
	for j, v := range p.Concept.Variants {
		names[j] = fmt.Sprintf("%q", v.Name)
	}
	i := 0
	switch {
	case o.variant != "":
		if i = p.Concept.Variant(o.variant); i < 0 {
			return nil, nil, errors.New(c.l.T("cli.err.variant", path, o.variant, strings.Join(names, ", ")))
		}
	case len(p.Concept.Variants) > 1:
		return nil, nil, errors.New(c.l.T("cli.err.one_variant", path, strings.Join(names, ", ")))
	}
	m, err := costing.Compile(p, i)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return p, m.Estimate(), nil
}

// writeBids prints the evaluation as text, lowest bid first.
func (c *cli) writeBids(p *concepts.Project, ev *tender.Evaluation) {
	l := c.l
	money := func(v interface{ IntPart() int64 }) string { return l.Int(v.IntPart()) }
	fmt.Fprintln(c.stdout, l.T("cli.bids.heading", p.Concept.Name, ev.Variant, money(ev.Estimate.Round(0)), money(ev.Median.Round(0))))
	for rank := 1; rank <= len(ev.Bids); rank++ {
		for _, b := range ev.Bids {
			if b.Rank != rank {
				continue
			}
			fmt.Fprintln(c.stdout, "  "+l.T("cli.bids.row", b.Rank, b.Name(), b.File, money(b.Total), l.Number(b.PercentOfEstimate, 1)))
			if b.AbnormallyLow {
				fmt.Fprintln(c.stdout, "     "+l.T("cli.bids.low"))
			}
			for _, a := range b.ArithmeticErrors {
				fmt.Fprintln(c.stdout, "     "+l.T("cli.bids.arith", a.Key, a.Cell, l.Number(a.Stated, 2), money(a.Computed)))
			}
			if len(b.Unbalanced) > 0 {
				fmt.Fprintln(c.stdout, "     "+l.T("cli.bids.unbalanced", strings.Join(b.Unbalanced, ", ")))
			}
		}
	}
}
