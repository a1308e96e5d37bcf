package tender

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"

	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

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
