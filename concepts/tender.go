package concepts

import (
	"maps"
	"reflect"
	"regexp"
	"time"

	"github.com/shopspring/decimal"
)

// Procedure is the procurement procedure of a tender competition.
type Procedure string

// The procedures a tender section may name.
const (
	// ProcedureOpen is an open competition (åpen anbudskonkurranse).
	ProcedureOpen Procedure = "open"
	// ProcedureRestricted is a restricted competition with
	// prequalification (begrenset anbudskonkurranse).
	ProcedureRestricted Procedure = "restricted"
	// ProcedureNegotiation is a competition with negotiation
	// (konkurranse med forhandling).
	ProcedureNegotiation Procedure = "negotiation"
	// ProcedureBelowThreshold is a competition below the EEA thresholds
	// (anskaffelsesforskriften del I and II).
	ProcedureBelowThreshold Procedure = "below_threshold"
)

// Valid reports whether p is one of the procedures.
func (p Procedure) Valid() bool {
	switch p {
	case ProcedureOpen, ProcedureRestricted, ProcedureNegotiation, ProcedureBelowThreshold:
		return true
	}
	return false
}

// The contract standards a tender section may name.
const (
	// ContractNS8405 is NS 8405, build only (utførelsesentreprise).
	ContractNS8405 = "NS 8405"
	// ContractNS8407 is NS 8407, design and build (totalentreprise).
	ContractNS8407 = "NS 8407"
)

// Tender is the concept's optional tender section: the competition's facts
// for the tenderers' documents (docs/FORMATS.md, "Concept").
type Tender struct {
	Procedure Procedure `yaml:"procedure"`
	// Contract is the contract standard, ContractNS8405 or ContractNS8407.
	Contract string `yaml:"contract"`
	// Deadline is the tilbudsfrist, YYYY-MM-DD.
	Deadline string `yaml:"deadline"`
	// ValidUntil is the vedståelsesfrist, YYYY-MM-DD: how long a bid binds.
	ValidUntil    string           `yaml:"valid_until"`
	AwardCriteria []AwardCriterion `yaml:"award_criteria"`
}

// AwardCriterion is one award criterion of the competition and its weight
// in percent; Climate marks a climate and environment criterion
// (anskaffelsesforskriften § 7-9).
type AwardCriterion struct {
	Name    Text            `yaml:"name"`
	Weight  decimal.Decimal `yaml:"weight"`
	Climate bool            `yaml:"climate,omitempty"`
}

// specCodeRe is an NS 3451 code of one or two digits, as a specification
// key.
var specCodeRe = regexp.MustCompile(`^[1-9][0-9]?$`)

// checkTender checks the tender section: a known procedure and contract
// standard, real dates with the vedståelsesfrist not before the
// tilbudsfrist, and named criteria with weights above 0 and at most 100.
// Whether the weights add up is the check tender.criteria (docs/RULES.md).
func (c *Concept) checkTender(k *checker) {
	t := c.Tender
	if t == nil {
		return
	}
	p, tc := "tender", at("tender")
	if !t.Procedure.Valid() {
		k.at(join(p, "procedure"), tc, "concepts.tender.procedure", quoted(string(t.Procedure)))
	}
	if t.Contract != ContractNS8405 && t.Contract != ContractNS8407 {
		k.at(join(p, "contract"), tc, "concepts.tender.contract", quoted(t.Contract))
	}
	date := func(name, s string) (time.Time, bool) {
		if !dateRe.MatchString(s) {
			k.at(join(p, name), tc, "concepts.tender.date_format", name, quoted(s))
			return time.Time{}, false
		}
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			k.at(join(p, name), tc, "concepts.tender.date_invalid", name, quoted(s))
			return time.Time{}, false
		}
		return d, true
	}
	deadline, ok1 := date("deadline", t.Deadline)
	valid, ok2 := date("valid_until", t.ValidUntil)
	if ok1 && ok2 && valid.Before(deadline) {
		k.at(join(p, "valid_until"), tc, "concepts.tender.valid_before_deadline", quoted(t.ValidUntil), quoted(t.Deadline))
	}
	if len(t.AwardCriteria) == 0 {
		k.at(join(p, "award_criteria"), tc, "concepts.tender.no_criteria")
	}
	k.count(p, tc, "award_criteria", len(t.AwardCriteria), MaxLines)
	for i, a := range t.AwardCriteria {
		ap, ac := join(p, "award_criteria", i), tc.with(itemLabel("award_criteria", a.Name.In("nb"), i))
		if a.Name.In("nb") == "" {
			k.at(join(ap, "name"), ac, "concepts.tender.criterion_name_empty")
		}
		k.strText(ap, ac, "name", a.Name, MaxNameLength)
		if !a.Weight.IsPositive() || a.Weight.GreaterThan(hundred) {
			k.at(join(ap, "weight"), ac, "concepts.out_of_range_positive", "weight", num(a.Weight), num(hundred))
		}
	}
}

// checkSpecification checks a unit type's specification: keys are NS 3451
// codes of one or two digits, each with a text.
func (k *checker) checkSpecification(path string, w where, spec map[string]Text) {
	for _, code := range sortedKeys(spec) {
		p := join(path, "specification", code)
		ec := w.with(entryLabel("specification", code))
		if !specCodeRe.MatchString(code) {
			k.atKey(p, ec, "concepts.unit_type.specification_code", quoted(code))
			continue
		}
		if spec[code].In("nb") == "" {
			k.at(p, ec, "concepts.unit_type.specification_empty")
		}
		k.strText(join(path, "specification"), ec, code, spec[code], MaxTextLength)
	}
}

// Clone returns a deep copy of the tender section (nil for nil).
func (t *Tender) Clone() *Tender {
	if t == nil {
		return nil
	}
	out := *t
	if t.AwardCriteria != nil {
		out.AwardCriteria = make([]AwardCriterion, len(t.AwardCriteria))
		for i, a := range t.AwardCriteria {
			a.Name = maps.Clone(a.Name)
			out.AwardCriteria[i] = a
		}
	}
	return &out
}

// cloneSpecification returns a deep copy of a unit type's specification.
func cloneSpecification(s map[string]Text) map[string]Text {
	if s == nil {
		return nil
	}
	out := make(map[string]Text, len(s))
	for code, t := range s {
		out[code] = maps.Clone(t)
	}
	return out
}

// isDateField reports whether field name of t holds a date, written
// unquoted like the revision date.
func isDateField(t reflect.Type, name string) bool {
	switch t {
	case reflect.TypeFor[Revision]():
		return name == "date"
	case reflect.TypeFor[Tender]():
		return name == "deadline" || name == "valid_until"
	}
	return false
}
