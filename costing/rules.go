package costing

import "github.com/shopspring/decimal"

// The values of the rules the checks apply, in one place. docs/RULES.md
// gives each one's legal or professional source, paragraph, the address of
// the text and the date it was read; a check's message cites the paragraph.
var (
	// parkingSpace is the m² BYA and BRA one surface parking space counts
	// for (H-2300 Grad av utnytting, 2014, chapter 5).
	parkingSpace = decimal.NewFromInt(18)

	// liftStoreys is the number of storeys from which a building with
	// flats needs a lift (TEK17 § 12-3 (2)); småhus are exempt (§ 12-3 (3)).
	liftStoreys = 3
	// liftPlatformDwellings is the most dwellings a 3-storey building may
	// serve with a lifting platform instead of a lift (TEK17 § 12-3); the
	// message names it, as the catalogue cannot tell how many a building serves.
	liftPlatformDwellings = 6

	// accessibleSmallBRA is the BRA (NS 3940: BRA-i + BRA-e + BRA-b) of a
	// dwelling up to which only half of those in lift buildings need be
	// accessible (TEK17 § 12-2 (2)).
	accessibleSmallBRA = decimal.NewFromInt(50)
	// accessibleSmallShare is that half: at least 1/accessibleSmallShare of
	// the small dwellings, rounded up (TEK17 § 12-2 (2)).
	accessibleSmallShare = 2
	// accessibleOneStorey: a dwelling with all its main functions on the
	// entrance floor (one storey) must be accessible (TEK17 § 12-2 (1)).
	accessibleOneStorey = 1

	// microMaxBRA is the BRA of a mikrohus, at most (TEK17's eased rules
	// for mikrohus of one storey).
	microMaxBRA = decimal.NewFromInt(30)

	// Husbanken's area caps for lån til boligkvalitet, m² BRA per dwelling.
	husbankenFlatMax     = decimal.NewFromInt(130) // flats
	husbankenSmallMax    = decimal.NewFromInt(150) // småhus: semi-detached and terraced
	husbankenDetachedMax = decimal.NewFromInt(200) // detached houses

	// coverageWarnPercent: a price book that prices less than this share
	// of entreprisekostnad is reported as a warning.
	coverageWarnPercent = decimal.NewFromInt(50)

	// Accounts (NS 3451) whose absence the completeness check reports.
	accountOutdoorPipework = "73" // Utendørs VVS: water and sewage
	accountRoads           = "76" // Veier og plasser

	// tenderWeightTotal is what the award criteria's weights add up to,
	// in percent.
	tenderWeightTotal = decimal.NewFromInt(100)
	// tenderClimateMinPercent is the least share of the award criteria's
	// weight that climate and environment criteria must have
	// (anskaffelsesforskriften § 7-9 (2), since 1 January 2024).
	tenderClimateMinPercent = decimal.NewFromInt(30)
)

// The site plan's distances and tolerance (docs/RULES.md, "Site plan").
const (
	// boundaryDistance is the least distance in metres from a building to
	// the plot boundary (plan- og bygningsloven § 29-4 (2): half the
	// building's height, at least 4 m, unless the municipality consents
	// or the zoning plan says otherwise).
	boundaryDistance = 4.0
	// buildingSpacing is the least distance in metres between two
	// buildings without further fire measures (TEK17 § 11-6 with its
	// guidance: 8 m keeps fire from spreading between buildings).
	buildingSpacing = 8.0
)

// areaTolerancePercent is how far in per cent the boundary's area may lie
// from the concept's site area before layout.area warns (assumption: the
// precision of a plot area taken from a map).
var areaTolerancePercent = decimal.NewFromInt(2)
