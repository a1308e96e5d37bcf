package costing

import "github.com/shopspring/decimal"

// MaxLoan returns the largest loan household h may take under the lending
// regulation's debt-to-income limit: debt_to_income × its yearly income,
// rounded down to whole kroner (the same bound the test of who can buy
// uses, docs/ESTIMATE.md "Buyer economics").
func (x *Economics) MaxLoan(h int) Kroner {
	_, reach := reachOf(decimal.Zero, x.Terms.DebtToIncome, x.Households[h].Household.Income)
	return reach
}

// Carry returns what household h can carry a month: the monthly annuity of
// MaxLoan(h) at the loan's normal rate and term, rounded to whole kroner
// half away from zero. It is the payment on the most debt a bank may lend
// the household, nothing else: it leaves out the household's equity, its
// other costs of living and a dwelling's running costs, so a dwelling whose
// monthly cost lies below it may still lack equity, and one a little above
// it may still be bought with more equity.
func (x *Economics) Carry(h int) Kroner {
	a := newAnnuity(x.Terms.LoanRatePercent, x.Terms.LoanYears)
	run := monthlyRun{own: x.MaxLoan(h)}
	return run.cost(&a, &a)
}
