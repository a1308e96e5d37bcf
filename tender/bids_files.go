package tender

import (
	"bytes"
	"crypto/sha256"
	"io"
	"os"
	"path/filepath"

	"github.com/hallingdal/bokonsept/costing"
)

// ReadBidFiles reads the returned schedules at paths against e, in the
// order given. Every file is checked before any is unpacked: a file over
// MaxBidFileBytes is refused by its size, and the same file given twice
// (the same path, a link to it, or the same bytes) is refused. All
// problems of all files come back together as BidErrors; then no bid is
// returned.
func ReadBidFiles(paths []string, e *costing.Estimate) ([]*Bid, error) {
	var errs BidErrors
	type read struct {
		name string
		data []byte
	}
	files := make([]read, 0, len(paths))
	seen := map[[sha256.Size]byte]string{}
	var infos []os.FileInfo
	var infoNames []string
	for _, p := range paths {
		name := p
		st, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &BidError{File: name, Key: "bids.err.open", Args: []any{osCause(err)}, Err: ErrBidCorrupt})
			continue
		}
		if st.IsDir() {
			errs = append(errs, &BidError{File: name, Key: "bids.err.notschedule", Err: ErrBidNotSchedule})
			continue
		}
		if st.Size() > MaxBidFileBytes {
			errs = append(errs, &BidError{File: name, Key: "bids.err.toolarge", Args: []any{mb(st.Size()), mb(MaxBidFileBytes)}, Err: ErrBidTooLarge})
			continue
		}
		dup := ""
		for i, o := range infos {
			if os.SameFile(st, o) {
				dup = infoNames[i]
			}
		}
		if dup != "" {
			errs = append(errs, &BidError{File: name, Key: "bids.err.samefile", Args: []any{dup}, Err: ErrBidSameFile})
			continue
		}
		infos, infoNames = append(infos, st), append(infoNames, name)
		data, err := readLimited(p)
		if err != nil {
			errs = append(errs, &BidError{File: name, Key: "bids.err.open", Args: []any{osCause(err)}, Err: ErrBidCorrupt})
			continue
		}
		if len(data) > MaxBidFileBytes {
			errs = append(errs, &BidError{File: name, Key: "bids.err.toolarge", Args: []any{mb(int64(len(data))), mb(MaxBidFileBytes)}, Err: ErrBidTooLarge})
			continue
		}
		sum := sha256.Sum256(data)
		if o, ok := seen[sum]; ok {
			errs = append(errs, &BidError{File: name, Key: "bids.err.samefile", Args: []any{o}, Err: ErrBidSameFile})
			continue
		}
		seen[sum] = name
		files = append(files, read{name, data})
	}
	var bids []*Bid
	for _, f := range files {
		b, err := ReadBid(f.name, f.data, e)
		if err != nil {
			if be, ok := err.(BidErrors); ok {
				errs = append(errs, be...)
				continue
			}
			return nil, err
		}
		bids = append(bids, b)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return bids, nil
}

// readLimited reads at most one byte more than MaxBidFileBytes of path:
// a file that grew after its size was checked is still refused.
func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var b bytes.Buffer
	_, err = io.Copy(&b, io.LimitReader(f, MaxBidFileBytes+1))
	return b.Bytes(), err
}

// osCause is the reason a file could not be read, without its path.
func osCause(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// BidPriceBookName is the file name --pricebook-out gives the price book
// of bid number i (from 1) read from file: "tilbud-<i>-<file>.yaml".
func BidPriceBookName(i int, file string) string {
	base := filepath.Base(file)
	base = base[:len(base)-len(filepath.Ext(base))]
	return "tilbud-" + itoa(i) + "-" + safeFileName(base) + ".yaml"
}
