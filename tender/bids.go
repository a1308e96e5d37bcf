package tender

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// The reasons a returned schedule is refused; every *BidError wraps one.
var (
	ErrBidTooLarge      = errors.New("tender: bid file too large")
	ErrBidZipBomb       = errors.New("tender: bid file unpacks to too much")
	ErrBidEncrypted     = errors.New("tender: bid file is password-protected")
	ErrBidCorrupt       = errors.New("tender: bid file is not a readable XLSX workbook")
	ErrBidNotSchedule   = errors.New("tender: bid file is not a price schedule")
	ErrBidSeveral       = errors.New("tender: bid file holds several price schedules")
	ErrBidSameFile      = errors.New("tender: the same bid file given twice")
	ErrBidMissingLine   = errors.New("tender: a line of the schedule is missing")
	ErrBidUnknownLine   = errors.New("tender: an unknown line")
	ErrBidLineTwice     = errors.New("tender: a line is in the schedule twice")
	ErrBidQuantity      = errors.New("tender: a quantity was changed")
	ErrBidUnit          = errors.New("tender: a unit was changed")
	ErrBidPriceFormula  = errors.New("tender: a unit price is a formula")
	ErrBidPriceText     = errors.New("tender: a unit price is not a number")
	ErrBidPriceNegative = errors.New("tender: a unit price is negative")
	ErrBidPriceEmpty    = errors.New("tender: a unit price is empty")
)

// BidError is a problem of one returned schedule, naming the file and,
// where it lies in a cell, the sheet and the cell.
type BidError struct {
	File, Sheet, Cell string
	// Key and Args give the message (a translation key under "bids.err.").
	Key  string
	Args []any
	// Err is one of the ErrBid values.
	Err error
}

// Error returns the message in bokmål.
func (e *BidError) Error() string { return e.Message(i18n.New(i18n.Default)) }

// Message returns "file: sheet!cell: message" in the language of l.
func (e *BidError) Message(l *i18n.Locale) string {
	where := e.File
	switch {
	case e.Sheet != "" && e.Cell != "":
		where = l.T("bids.err.where.cell", e.File, e.Sheet, e.Cell)
	case e.Sheet != "":
		where = l.T("bids.err.where.sheet", e.File, e.Sheet)
	}
	return where + ": " + l.T(e.Key, e.Args...)
}

// Unwrap returns the reason.
func (e *BidError) Unwrap() error { return e.Err }

// BidErrors are all the problems of the returned schedules, in the order
// of the files and their rows.
type BidErrors []*BidError

// Error returns the messages in bokmål, one a line.
func (es BidErrors) Error() string { return es.Message(i18n.New(i18n.Default)) }

// Message returns the messages in the language of l, one a line.
func (es BidErrors) Message(l *i18n.Locale) string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Message(l)
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the errors, so that errors.Is finds each reason.
func (es BidErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// maxBidErrors is the most problems told of one file.
const maxBidErrors = 50

// Bid is one returned price schedule, read and checked.
type Bid struct {
	// File is the name the bid was read under.
	File string
	// Sheet is the schedule's sheet.
	Sheet string
	// Tenderer, OrgNo, Date and Reservations are the tenderer's fields as
	// filled in (trimmed).
	Tenderer, OrgNo, Date, Reservations string
	// Lines are the priced lines in the schedule's order.
	Lines []BidLine
	// Total is the sum of the lines' amounts: posts 1-7 excl. VAT.
	Total decimal.Decimal
	// ArithmeticErrors are the lines whose sum cell the tenderer changed to
	// another value than quantity × unit price (regnefeil).
	ArithmeticErrors []ArithmeticError
}

// Name is the tenderer's name, or the file's name when it is empty.
func (b *Bid) Name() string {
	if b.Tenderer != "" {
		return b.Tenderer
	}
	return b.File
}

// BidLine is one line of a bid.
type BidLine struct {
	Key  string
	Post int
	// Qty is the line's quantity (the schedule's, checked unchanged).
	Qty decimal.Decimal
	// UnitPrice is the tenderer's unit price (0 for an empty price on a
	// line of quantity 0).
	UnitPrice decimal.Decimal
	// Amount is Qty × UnitPrice rounded to whole kroner, half away from
	// zero.
	Amount decimal.Decimal
	// Cell is the unit price's cell.
	Cell string
}

// ArithmeticError is a line whose sum cell holds another value than the
// recomputed amount; the recomputed amount counts.
type ArithmeticError struct {
	Key, Cell        string
	Stated, Computed decimal.Decimal
}

// expectedLine is a line of the schedule e gives, with what a returned
// schedule must keep.
type expectedLine struct {
	scheduleLine
	post int
	// units are the line's unit in every language.
	units []string
}

// expectedLines returns the lines of e's schedule by key, and their keys
// in order.
func expectedLines(e *costing.Estimate) (map[string]*expectedLine, []string, error) {
	byKey := map[string]*expectedLine{}
	var order []string
	for _, lang := range i18n.Languages {
		s, err := buildSchedule(i18n.New(lang), e)
		if err != nil {
			return nil, nil, err
		}
		for _, p := range s.Posts {
			for _, g := range p.Groups {
				for _, ln := range g.Lines {
					x, ok := byKey[ln.Key]
					if !ok {
						x = &expectedLine{scheduleLine: ln, post: p.Post}
						byKey[ln.Key] = x
						order = append(order, ln.Key)
					}
					x.units = append(x.units, ln.Unit)
				}
			}
		}
	}
	return byKey, order, nil
}

// isLineKey reports whether s has the form of a line's key.
func isLineKey(s string) bool {
	for _, p := range []string{"post:", "unit:", "fixed:", "site:"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// checkZip refuses, before anything is unpacked, a file over
// MaxBidFileBytes, an encrypted workbook (an OLE compound file), a file
// that is no zip, and a zip whose parts state more than
// MaxBidUnpackedBytes or number more than MaxBidZipEntries.
func checkZip(name string, data []byte) *BidError {
	if len(data) > MaxBidFileBytes {
		return &BidError{File: name, Key: "bids.err.toolarge", Args: []any{mb(int64(len(data))), mb(MaxBidFileBytes)}, Err: ErrBidTooLarge}
	}
	if bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}) {
		return &BidError{File: name, Key: "bids.err.encrypted", Err: ErrBidEncrypted}
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return &BidError{File: name, Key: "bids.err.corrupt", Args: []any{err.Error()}, Err: ErrBidCorrupt}
	}
	if len(z.File) > MaxBidZipEntries {
		return &BidError{File: name, Key: "bids.err.zipbomb", Args: []any{mb(MaxBidUnpackedBytes)}, Err: ErrBidZipBomb}
	}
	var total uint64
	for _, f := range z.File {
		total += f.UncompressedSize64
		if f.UncompressedSize64 > MaxBidUnpackedBytes || total > MaxBidUnpackedBytes {
			return &BidError{File: name, Key: "bids.err.zipbomb", Args: []any{mb(MaxBidUnpackedBytes)}, Err: ErrBidZipBomb}
		}
		if f.Flags&0x1 != 0 {
			return &BidError{File: name, Key: "bids.err.encrypted", Err: ErrBidEncrypted}
		}
	}
	return nil
}

// mb is a size in whole megabytes, rounded up.
func mb(n int64) int { return int((n + (1<<20 - 1)) >> 20) }

// ReadBid reads the returned price schedule data, named name in messages,
// against the schedule of e (the estimate of the tendered variant). Every
// line of e's schedule must be there once under its key with its quantity
// and unit unchanged and a unit price that is a number >= 0 (not a
// formula: nothing in the file is evaluated); an empty unit price is
// allowed only on a line of quantity 0. The problems are returned as
// BidErrors (at most 50 per file), each naming file, sheet and cell. A
// sum cell holding another value than quantity × unit price is no error
// but an ArithmeticError of the bid.
func ReadBid(name string, data []byte, e *costing.Estimate) (*Bid, error) {
	if be := checkZip(name, data); be != nil {
		return nil, BidErrors{be}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: MaxBidUnpackedBytes, UnzipXMLSizeLimit: MaxBidUnpackedBytes,
	})
	if err != nil {
		key, reason := "bids.err.corrupt", ErrBidCorrupt
		if errors.Is(err, excelize.ErrWorkbookFileFormat) || strings.Contains(err.Error(), "encrypt") || strings.Contains(err.Error(), "password") {
			key, reason = "bids.err.encrypted", ErrBidEncrypted
		}
		if strings.Contains(err.Error(), "size") && strings.Contains(err.Error(), "limit") {
			key, reason = "bids.err.zipbomb", ErrBidZipBomb
		}
		args := []any{err.Error()}
		if reason == ErrBidZipBomb {
			args = []any{mb(MaxBidUnpackedBytes)}
		}
		if reason == ErrBidEncrypted {
			args = nil
		}
		return nil, BidErrors{{File: name, Key: key, Args: args, Err: reason}}
	}
	defer f.Close()
	want, order, err := expectedLines(e)
	if err != nil {
		return nil, err
	}
	r := &bidReader{name: name, f: f, want: want}
	var sheets []string
	for _, sheet := range f.GetSheetList() {
		if r.hasKeys(sheet) {
			sheets = append(sheets, sheet)
		}
	}
	switch len(sheets) {
	case 0:
		return nil, BidErrors{{File: name, Key: "bids.err.notschedule", Err: ErrBidNotSchedule}}
	case 1:
	default:
		return nil, BidErrors{{File: name, Key: "bids.err.several", Args: []any{strings.Join(sheets, ", ")}, Err: ErrBidSeveral}}
	}
	b := r.read(sheets[0], order)
	if len(r.errs) > 0 {
		return nil, r.errs
	}
	return b, nil
}

// bidReader reads one returned schedule, collecting its problems.
type bidReader struct {
	name string
	f    *excelize.File
	want map[string]*expectedLine
	errs BidErrors
	// cache holds the rows read of each sheet.
	cache map[string][][]string
	// formulas are the formulas by cell when oneSheet (see formula).
	formulas map[string]string
	oneSheet bool
}

func (r *bidReader) fail(sheet, cell string, reason error, key string, args ...any) {
	if len(r.errs) < maxBidErrors {
		r.errs = append(r.errs, &BidError{File: r.name, Sheet: sheet, Cell: cell, Key: key, Args: args, Err: reason})
	}
}

// hasKeys reports whether a sheet has a line key in column A.
func (r *bidReader) hasKeys(sheet string) bool {
	rows, err := r.rows(sheet)
	if err != nil {
		return false
	}
	for _, row := range rows {
		if len(row) > 0 && isLineKey(strings.TrimSpace(row[0])) {
			return true
		}
	}
	return false
}

// rows returns the raw values of sheet's cells, row by row (read once).
func (r *bidReader) rows(sheet string) ([][]string, error) {
	if rows, ok := r.cache[sheet]; ok {
		return rows, nil
	}
	rows, err := r.f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	if r.cache == nil {
		r.cache = map[string][][]string{}
	}
	r.cache[sheet] = rows
	return rows, nil
}

// formula returns the formula of a cell, "" for none. When the workbook
// has one worksheet its formulas are taken from one pass over its XML;
// otherwise excelize reads the sheet (which costs a second parse).
func (r *bidReader) formula(sheet, ref string) string {
	if r.formulas == nil {
		r.formulas = map[string]string{}
		r.oneSheet = false
		var parts []string
		r.f.Pkg.Range(func(k, _ any) bool {
			if name, ok := k.(string); ok && strings.HasPrefix(name, "xl/worksheets/") && strings.HasSuffix(name, ".xml") && !strings.Contains(name[len("xl/worksheets/"):], "/") {
				parts = append(parts, name)
			}
			return true
		})
		if len(parts) == 1 && len(r.f.GetSheetList()) == 1 {
			if v, ok := r.f.Pkg.Load(parts[0]); ok {
				if data, ok := v.([]byte); ok && scanFormulas(data, r.formulas) == nil {
					r.oneSheet = true
				}
			}
		}
	}
	if r.oneSheet {
		return r.formulas[ref]
	}
	fm, _ := r.f.GetCellFormula(sheet, ref)
	return fm
}

// scanFormulas puts the formula of every cell of a worksheet's XML that
// has one into out (a shared formula without its own text as "(shared)").
func scanFormulas(data []byte, out map[string]string) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	ref := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "c":
			ref = ""
			for _, a := range se.Attr {
				if a.Name.Local == "r" {
					ref = a.Value
				}
			}
		case "f":
			var text string
			if err := d.DecodeElement(&text, &se); err != nil {
				return err
			}
			if text = strings.TrimSpace(text); text == "" {
				text = "(shared)"
			}
			if ref != "" {
				out[ref] = text
			}
		}
	}
}

// read reads the lines and fields of sheet.
func (r *bidReader) read(sheet string, order []string) *Bid {
	b := &Bid{File: r.name, Sheet: sheet, Total: decimal.Zero}
	rows, err := r.rows(sheet)
	if err != nil {
		r.fail(sheet, "", ErrBidCorrupt, "bids.err.corrupt", err.Error())
		return nil
	}
	col := func(row []string, c int) string {
		if c < len(row) {
			return row[c]
		}
		return ""
	}
	const (
		colKey, colQty, colUnit, colPrice, colSum = 0, 4, 5, 6, 7
	)
	found := map[string]BidLine{}
	for i, row := range rows {
		n := i + 1
		key := strings.TrimSpace(col(row, colKey))
		switch key {
		case KeyTenderer:
			b.Tenderer = strings.TrimSpace(col(row, 3))
			continue
		case KeyOrgNo:
			b.OrgNo = strings.TrimSpace(col(row, 3))
			continue
		case KeyDate:
			b.Date = r.dateField(sheet, cell(xcText, n), col(row, 3))
			continue
		case KeyReservations:
			b.Reservations = strings.TrimSpace(col(row, 3))
			continue
		}
		if key == "" || !isLineKey(key) {
			continue
		}
		w, ok := r.want[key]
		if !ok {
			r.fail(sheet, cell(xcKey, n), ErrBidUnknownLine, "bids.err.unknown", key)
			continue
		}
		if _, dup := found[key]; dup {
			r.fail(sheet, cell(xcKey, n), ErrBidLineTwice, "bids.err.twice", key)
			continue
		}
		ln := BidLine{Key: key, Post: w.post, Qty: w.Qty, Cell: cell(xcUnitPrice, n)}
		// the quantity and unit as written
		qty, err := decimal.NewFromString(strings.TrimSpace(col(row, colQty)))
		if err != nil || !sameQty(qty, w.Qty) {
			r.fail(sheet, cell(xcQty, n), ErrBidQuantity, "bids.err.quantity", key, col(row, colQty), w.Qty)
		}
		if unit := strings.TrimSpace(col(row, colUnit)); !contains(w.units, unit) {
			r.fail(sheet, cell(xcUnit, n), ErrBidUnit, "bids.err.unit", key, unit, w.units[0])
		}
		price, ok := r.unitPrice(sheet, n, key, col(row, colPrice), w.Qty)
		if ok {
			ln.UnitPrice = price
			ln.Amount = w.Qty.Mul(price).Round(0)
			r.checkSum(b, sheet, n, key, col(row, colSum), ln.Amount)
		}
		found[key] = ln
	}
	for _, key := range order {
		ln, ok := found[key]
		if !ok {
			r.fail(sheet, "", ErrBidMissingLine, "bids.err.missing", key, r.want[key].No)
			continue
		}
		b.Lines = append(b.Lines, ln)
		b.Total = b.Total.Add(ln.Amount)
	}
	return b
}

// sameQty reports whether a quantity read back is the schedule's: the
// file holds it as a binary floating-point number.
func sameQty(got, want decimal.Decimal) bool {
	tol := decimal.New(1, -9).Mul(decimal.Max(decimal.NewFromInt(1), want.Abs()))
	return got.Sub(want).Abs().LessThanOrEqual(tol)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// unitPrice reads the unit price of row n: a number >= 0, not a formula,
// empty only when the quantity is 0.
func (r *bidReader) unitPrice(sheet string, n int, key, raw string, qty decimal.Decimal) (decimal.Decimal, bool) {
	ref := cell(xcUnitPrice, n)
	if fm := r.formula(sheet, ref); fm != "" {
		r.fail(sheet, ref, ErrBidPriceFormula, "bids.err.formula", key, "="+strings.TrimPrefix(fm, "="))
		return decimal.Zero, false
	}
	raw = strings.TrimSpace(raw)
	if raw == "" {
		if qty.IsZero() {
			return decimal.Zero, true
		}
		r.fail(sheet, ref, ErrBidPriceEmpty, "bids.err.empty", key)
		return decimal.Zero, false
	}
	// A unit price must be a number cell: text is refused, even text that
	// looks like a number ("2900" typed with a leading apostrophe), as the
	// tenderer's spreadsheet did not treat it as a number either.
	d, err := decimal.NewFromString(raw)
	if err != nil || r.isText(sheet, ref) {
		r.fail(sheet, ref, ErrBidPriceText, "bids.err.text", key, clip(raw, 60))
		return decimal.Zero, false
	}
	if d.IsNegative() {
		r.fail(sheet, ref, ErrBidPriceNegative, "bids.err.negative", key, d)
		return decimal.Zero, false
	}
	return d, true
}

// isText reports whether the cell holds text (a shared or inline string).
func (r *bidReader) isText(sheet, ref string) bool {
	t, err := r.f.GetCellType(sheet, ref)
	return err == nil && (t == excelize.CellTypeSharedString || t == excelize.CellTypeInlineString)
}

// checkSum compares the tenderer's sum cell of row n with the recomputed
// amount. The formula the schedule was sent with counts as right (a
// program that did not recompute leaves no value); any other content is
// read as the amount the tenderer states.
func (r *bidReader) checkSum(b *Bid, sheet string, n int, key, raw string, amount decimal.Decimal) {
	ref := cell(xcSum, n)
	fm := r.formula(sheet, ref)
	norm := strings.ToUpper(strings.ReplaceAll(strings.TrimPrefix(fm, "="), " ", ""))
	if norm == fmt.Sprintf("ROUND(%s*%s,0)", cell(xcQty, n), cell(xcUnitPrice, n)) {
		return
	}
	stated := decimal.Zero
	if raw = strings.TrimSpace(raw); raw != "" {
		d, err := decimal.NewFromString(raw)
		if err != nil {
			d = decimal.Zero
		}
		stated = d
	}
	if !stated.Equal(amount) {
		b.ArithmeticErrors = append(b.ArithmeticErrors, ArithmeticError{Key: key, Cell: ref, Stated: stated, Computed: amount})
	}
}

// dateField reads the tenderer's date: a date typed into the cell is a
// serial number (any number is taken for one), written as YYYY-MM-DD;
// text stays as it is.
func (r *bidReader) dateField(sheet, ref, raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	if d, err := decimal.NewFromString(raw); err == nil {
		if v, _ := d.Float64(); v > 0 && v < 2958466 && !math.IsNaN(v) {
			if t, err := excelize.ExcelDateToTime(v, false); err == nil {
				return t.Format("2006-01-02")
			}
		}
	}
	return raw
}
