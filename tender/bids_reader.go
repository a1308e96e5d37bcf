package tender

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

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
