package tender

// BidsReport is what `bokonsept bids --json` prints (docs/FORMATS.md,
// "Bids"): money in whole kroner, the bids in the order of the files.
type BidsReport struct {
	Variant  string          `json:"variant"`
	Estimate int64           `json:"estimate"`
	Bids     []BidReportItem `json:"bids"`
}

// BidReportItem is one bid of a BidsReport.
type BidReportItem struct {
	File             string                  `json:"file"`
	Tenderer         string                  `json:"tenderer"`
	Total            int64                   `json:"total"`
	Rank             int                     `json:"rank"`
	AbnormallyLow    bool                    `json:"abnormally_low"`
	ArithmeticErrors []ArithmeticErrorReport `json:"arithmetic_errors"`
	Unbalanced       []string                `json:"unbalanced"`
}

// ArithmeticErrorReport is one arithmetic error: the amount the tenderer
// stated and the recomputed one that counts.
type ArithmeticErrorReport struct {
	Key      string `json:"key"`
	Stated   int64  `json:"stated"`
	Computed int64  `json:"computed"`
}

// Report returns the evaluation as BidsReport. A stated amount with
// decimals is rounded to whole kroner, half away from zero.
func (ev *Evaluation) Report() BidsReport {
	r := BidsReport{Variant: ev.Variant, Estimate: ev.Estimate.Round(0).IntPart(), Bids: []BidReportItem{}}
	for _, b := range ev.Bids {
		item := BidReportItem{
			File: b.File, Tenderer: b.Tenderer, Total: b.Total.Round(0).IntPart(), Rank: b.Rank,
			AbnormallyLow:    b.AbnormallyLow,
			ArithmeticErrors: []ArithmeticErrorReport{},
			Unbalanced:       append([]string{}, b.Unbalanced...),
		}
		for _, a := range b.ArithmeticErrors {
			item.ArithmeticErrors = append(item.ArithmeticErrors, ArithmeticErrorReport{
				Key: a.Key, Stated: a.Stated.Round(0).IntPart(), Computed: a.Computed.Round(0).IntPart(),
			})
		}
		r.Bids = append(r.Bids, item)
	}
	return r
}
