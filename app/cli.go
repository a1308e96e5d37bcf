package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"regexp"
	"strconv"
	"strings"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
)

// Exit codes of the command line.
const (
	exitOK      = 0 // everything fine
	exitInvalid = 1 // invalid input: a file that does not load, an unknown variant
	exitUsage   = 2 // wrong use of the command line
)

// errUsage marks a usage error; its message has been printed already.
var errUsage = errors.New("usage")

// cli runs the subcommands over the engine. Tests drive it with buffers.
type cli struct {
	stdout, stderr io.Writer
	// lang is the language of everything printed ("nb" or "en").
	lang string
	l    *i18n.Locale
}

// commands maps a subcommand to its runner and its one-line help key.
var commands = map[string]struct {
	run  func(c *cli, args []string) error
	help string
}{
	"estimate":  {(*cli).estimate, "cli.help.estimate"},
	"validate":  {(*cli).validate, "cli.help.validate"},
	"catalogue": {(*cli).catalogue, "cli.help.catalogue"},
	"tender":    {(*cli).tender, "cli.help.tender"},
	"prices":    {(*cli).prices, "cli.help.prices"},
	"report":    {(*cli).report, "cli.help.report"},
	"version":   {(*cli).printVersion, "cli.help.version"},
}

// commandOrder is the order commands are listed in the help.
var commandOrder = []string{"estimate", "validate", "catalogue", "tender", "prices", "report", "version"}

// isCommand reports whether name is a CLI subcommand (or a help request).
func isCommand(name string) bool {
	_, ok := commands[name]
	return ok || name == "help" || name == "-h" || name == "--help" || name == "-help"
}

// runCLI runs one subcommand and returns the process exit code.
func runCLI(args []string, stdout, stderr io.Writer) int {
	c := &cli{stdout: stdout, stderr: stderr, lang: envLang()}
	c.l = i18n.New(c.lang)
	if len(args) == 0 || !isCommand(args[0]) || strings.HasPrefix(args[0], "-") || args[0] == "help" {
		c.usage(stdout)
		if len(args) == 0 || !isCommand(args[0]) {
			return exitUsage
		}
		return exitOK
	}
	cmd := commands[args[0]]
	err := cmd.run(c, args[1:])
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errUsage):
		return exitUsage
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	default:
		fmt.Fprintln(c.stderr, concepts.Localize(err, c.l))
		return exitInvalid
	}
}

// envLang returns the language from BOKONSEPT_LANG, or bokmål.
func envLang() string {
	if l := os.Getenv("BOKONSEPT_LANG"); i18n.Supported(l) {
		return l
	}
	return i18n.Default
}

func (c *cli) usage(w io.Writer) {
	fmt.Fprintln(w, c.l.T("cli.usage"))
	for _, name := range commandOrder {
		fmt.Fprintf(w, "  %-10s %s\n", name, c.l.T(commands[name].help))
	}
}

// flagSet returns a flag set for a subcommand. The flag package's own
// output (English) is discarded: parse prints its errors translated, and
// usageOf the usage, both to stderr in the user's language. A flag's
// usage is registered as the key of its text, so that usageOf can tell it
// in the language --lang chose.
func (c *cli) flagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// usageOf prints the subcommand's usage line and its options to stderr.
func (c *cli) usageOf(fs *flag.FlagSet) {
	fmt.Fprintln(c.stderr, c.l.T("cli.usage."+fs.Name()))
	var rows [][2]string
	width := 0
	fs.VisitAll(func(f *flag.Flag) {
		name := "-" + f.Name
		if len(f.Name) > 1 {
			name = "--" + f.Name
		}
		text := c.l.T(f.Usage) // the usage is registered as its key
		if def := f.DefValue; def != "" && def != "false" {
			text += " " + c.l.T("cli.flag.default", def)
		}
		rows = append(rows, [2]string{name, text})
		width = max(width, len(name))
	})
	if len(rows) == 0 {
		return
	}
	fmt.Fprintln(c.stderr, c.l.T("cli.usage.options"))
	for _, r := range rows {
		fmt.Fprintf(c.stderr, "  %-*s  %s\n", width, r[0], r[1])
	}
}

// parse parses flags that may stand before, between or after the
// positional arguments (`estimate x.yaml --json` as well as
// `estimate --json x.yaml`) and returns the positional ones. A wrong flag
// is told in the user's language, followed by the usage.
func (c *cli) parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			c.langSoFar(fs)
			if errors.Is(err, flag.ErrHelp) {
				c.usageOf(fs)
				return nil, err
			}
			fmt.Fprintln(c.stderr, flagError(c.l, err))
			c.usageOf(fs)
			return nil, errUsage
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// langSoFar switches to the language of a --lang flag parsed before a
// wrong flag, so that the error is told in the language asked for.
func (c *cli) langSoFar(fs *flag.FlagSet) {
	if f := fs.Lookup("lang"); f != nil && i18n.Supported(f.Value.String()) {
		c.lang = f.Value.String()
		c.l = i18n.New(c.lang)
	}
}

// flagPatterns recognise the errors of the flag package, each with the
// key of its translation; the submatches are the translation's arguments.
var flagPatterns = []struct {
	re  *regexp.Regexp
	key string
}{
	{regexp.MustCompile(`^flag provided but not defined: -(.*)$`), "cli.err.flag_unknown"},
	{regexp.MustCompile(`^flag needs an argument: -(.*)$`), "cli.err.flag_no_value"},
	{regexp.MustCompile(`^invalid boolean value (".*") for -([^:]*): `), "cli.err.flag_bool"},
	{regexp.MustCompile(`^invalid boolean flag ([^:]*): `), "cli.err.flag_bool_value"},
	{regexp.MustCompile(`^invalid value (".*") for flag -([^:]*): `), "cli.err.flag_value"},
	{regexp.MustCompile(`^bad flag syntax: (.*)$`), "cli.err.flag_syntax"},
}

// flagError translates an error of fs.Parse: an unknown flag, a flag
// without its value, a value a flag cannot take, a badly written flag.
// Flag names are shown the way the usage writes them (--json); values and
// what the user wrote are quoted.
func flagError(l *i18n.Locale, err error) string {
	msg := err.Error()
	for _, p := range flagPatterns {
		m := p.re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		switch p.key {
		case "cli.err.flag_unknown", "cli.err.flag_no_value", "cli.err.flag_bool_value":
			return l.T(p.key, dashed(m[1]))
		case "cli.err.flag_bool", "cli.err.flag_value":
			v, err := strconv.Unquote(m[1])
			if err != nil {
				v = m[1]
			}
			return l.T(p.key, dashed(m[2]), v)
		default:
			return l.T(p.key, m[1])
		}
	}
	return l.T("cli.err.flag_other", msg)
}

// dashed writes a flag's name as the usage does: -o, --json.
func dashed(name string) string {
	if len(name) > 1 {
		return "--" + name
	}
	return "-" + name
}

// parseLang parses args like parse and then switches to the language the
// --lang flag (registered by the caller as lang) asks for.
func (c *cli) parseLang(fs *flag.FlagSet, args []string, lang *string) ([]string, error) {
	pos, err := c.parse(fs, args)
	if err != nil {
		return nil, err
	}
	if err := c.setLang(*lang); err != nil {
		return nil, err
	}
	return pos, nil
}

// setLang switches the language after --lang was parsed.
func (c *cli) setLang(lang string) error {
	if !i18n.Supported(lang) {
		fmt.Fprintln(c.stderr, c.l.T("cli.err.lang", lang, strings.Join(i18n.Languages, ", ")))
		return errUsage
	}
	c.lang = lang
	c.l = i18n.New(lang)
	return nil
}

// exactlyOne checks that one positional argument was given.
func (c *cli) exactlyOne(fs *flag.FlagSet, pos []string) (string, error) {
	if len(pos) != 1 {
		c.usageOf(fs)
		return "", errUsage
	}
	return pos[0], nil
}

// loadOptions are the flags every command that reads a concept shares.
type loadOptions struct {
	catalogue, pricebook, variant, lang string
}

func (o *loadOptions) register(fs *flag.FlagSet, lang string) {
	fs.StringVar(&o.catalogue, "catalogue", "", "cli.flag.catalogue")
	fs.StringVar(&o.pricebook, "pricebook", "", "cli.flag.pricebook")
	fs.StringVar(&o.variant, "variant", "", "cli.flag.variant")
	fs.StringVar(&o.lang, "lang", lang, "cli.flag.lang")
}

// loadEstimates loads the concept and computes the whole estimate (with
// simulation) of the chosen variant, or of every variant. Ctrl+C cancels.
func (c *cli) loadEstimates(path string, o loadOptions) (*concepts.Project, []*costing.Estimate, []int, error) {
	p, err := concepts.LoadProject(path, concepts.LoadOptions{Catalogue: o.catalogue, PriceBook: o.pricebook})
	if err != nil {
		return nil, nil, nil, err
	}
	which := make([]int, 0, len(p.Concept.Variants))
	if o.variant != "" {
		i := p.Concept.Variant(o.variant)
		if i < 0 {
			names := make([]string, len(p.Concept.Variants))
			for j, v := range p.Concept.Variants {
				names[j] = fmt.Sprintf("%q", v.Name)
			}
			return nil, nil, nil, errors.New(c.l.T("cli.err.variant", path, o.variant, strings.Join(names, ", ")))
		}
		which = append(which, i)
	} else {
		for i := range p.Concept.Variants {
			which = append(which, i)
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	models := make([]*costing.Model, len(p.Concept.Variants))
	for i := range p.Concept.Variants {
		m, err := costing.Compile(p, i)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("%s: %w", path, err)
		}
		models[i] = m
	}
	if err := costing.CheckWork(models); err != nil {
		return nil, nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	all := make([]*costing.Estimate, len(models))
	for i, m := range models {
		d, err := m.Simulate(ctx, nil)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("%s: %w", path, err)
		}
		all[i] = m.Estimate().WithSimulation(d)
	}
	return p, all, which, nil
}

func (c *cli) estimate(args []string) error {
	fs := c.flagSet("estimate")
	var o loadOptions
	o.register(fs, c.lang)
	asJSON := fs.Bool("json", false, "cli.flag.json")
	pos, err := c.parseLang(fs, args, &o.lang)
	if err != nil {
		return err
	}
	path, err := c.exactlyOne(fs, pos)
	if err != nil {
		return err
	}
	p, all, which, err := c.loadEstimates(path, o)
	if err != nil {
		return err
	}
	if *asJSON {
		r := costing.Report{Concept: p.Concept.Name}
		for _, i := range which {
			r.Variants = append(r.Variants, all[i].Report(c.l))
		}
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	for n, i := range which {
		if n > 0 {
			fmt.Fprintln(c.stdout)
		}
		writeReport(c.stdout, c.l, p, all[i])
	}
	return nil
}

func (c *cli) validate(args []string) error {
	fs := c.flagSet("validate")
	lang := fs.String("lang", c.lang, "cli.flag.lang")
	pos, err := c.parseLang(fs, args, lang)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		c.usageOf(fs)
		return errUsage
	}
	bad := 0
	for _, path := range pos {
		if err := concepts.ValidateFile(path); err != nil {
			fmt.Fprintln(c.stderr, concepts.Localize(err, c.l))
			bad++
			continue
		}
		fmt.Fprintln(c.stdout, c.l.T("cli.validate.ok", path))
	}
	if bad > 0 {
		return errors.New(c.l.T("cli.validate.bad", bad, len(pos)))
	}
	return nil
}

func (c *cli) catalogue(args []string) error {
	fs := c.flagSet("catalogue")
	lang := fs.String("lang", c.lang, "cli.flag.lang")
	pos, err := c.parseLang(fs, args, lang)
	if err != nil {
		return err
	}
	var cat *concepts.Catalogue
	switch len(pos) {
	case 0:
		cat, err = concepts.Builtin()
	case 1:
		cat, err = concepts.LoadCatalogue(pos[0])
	default:
		c.usageOf(fs)
		return errUsage
	}
	if err != nil {
		return err
	}
	writeCatalogue(c.stdout, c.l, cat)
	return nil
}

func (c *cli) printVersion(args []string) error {
	fmt.Fprintf(c.stdout, "Bokonsept %s\n", version)
	return nil
}
