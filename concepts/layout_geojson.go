package concepts

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"
)

// ErrGeoJSON is wrapped by every error of BoundaryFromGeoJSON.
var ErrGeoJSON = errors.New("not a usable GeoJSON boundary")

// GeoJSONCRS lists the coordinate systems BoundaryFromGeoJSON accepts:
// EUREF89 UTM zones 32 and 33, in metres, as Norwegian maps give them.
var GeoJSONCRS = []string{"EPSG:25832", "EPSG:25833"}

// geoObject is the part of a GeoJSON object the import reads.
type geoObject struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
	Geometry    *geoObject      `json:"geometry"`
	Features    []geoObject     `json:"features"`
	CRS         *struct {
		Properties struct {
			Name string `json:"name"`
		} `json:"properties"`
	} `json:"crs"`
}

// epsgRe finds the EPSG code in a crs name: "EPSG:25832",
// "urn:ogc:def:crs:EPSG::25833".
var epsgRe = regexp.MustCompile(`(?i)EPSG:+(\d+)$`)

// BoundaryFromGeoJSON reads a site boundary from GeoJSON: a single Polygon,
// or a Feature or FeatureCollection holding exactly one Polygon, in UTM
// metres (EPSG:25832 or EPSG:25833; the crs member, when present, must name
// one of them). The outer ring becomes the boundary in local metres: the
// smallest x and y are subtracted from every point, exactly, and the
// closing point (a repeat of the first) is dropped. Coordinates that look
// like degrees (every |x| <= 180 and |y| <= 90) are refused, saying which
// coordinate system is expected; so are holes, fewer than 3 points and a
// ring that crosses itself. Every error is an *Error wrapping ErrGeoJSON.
func BoundaryFromGeoJSON(data []byte) ([]Point, error) {
	if len(data) > MaxFileSize {
		return nil, geoError("concepts.geojson.too_large", size(len(data)), size(MaxFileSize))
	}
	var obj geoObject
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&obj); err != nil {
		return nil, geoError("concepts.geojson.syntax", err.Error())
	}
	if obj.CRS != nil {
		name := obj.CRS.Properties.Name
		m := epsgRe.FindStringSubmatch(strings.TrimSpace(name))
		if m == nil || (m[1] != "25832" && m[1] != "25833") {
			return nil, geoError("concepts.geojson.crs", quoted(name), names(GeoJSONCRS))
		}
	}
	poly, err := singlePolygon(&obj)
	if err != nil {
		return nil, err
	}
	var rings [][][]json.Number
	d := json.NewDecoder(bytes.NewReader(poly.Coordinates))
	d.UseNumber()
	if err := d.Decode(&rings); err != nil || len(rings) == 0 {
		return nil, geoError("concepts.geojson.coordinates")
	}
	if len(rings) > 1 {
		return nil, geoError("concepts.geojson.holes", len(rings)-1)
	}
	ring := rings[0]
	pts := make([]Point, 0, len(ring))
	degrees := true
	for i, pos := range ring {
		if len(pos) < 2 {
			return nil, geoError("concepts.geojson.position", i+1)
		}
		x, err1 := decimal.NewFromString(pos[0].String())
		y, err2 := decimal.NewFromString(pos[1].String())
		if err1 != nil || err2 != nil {
			return nil, geoError("concepts.geojson.position", i+1)
		}
		if x.Abs().GreaterThan(decimal.NewFromInt(180)) || y.Abs().GreaterThan(decimal.NewFromInt(90)) {
			degrees = false
		}
		pts = append(pts, Point{x, y})
	}
	if n := len(pts); n > 1 && pts[0][0].Equal(pts[n-1][0]) && pts[0][1].Equal(pts[n-1][1]) {
		pts = pts[:n-1]
	}
	if len(pts) < 3 {
		return nil, geoError("concepts.geojson.too_few", len(pts))
	}
	if degrees {
		return nil, geoError("concepts.geojson.degrees", names(GeoJSONCRS))
	}
	minX, minY := pts[0][0], pts[0][1]
	for _, p := range pts[1:] {
		minX, minY = decimal.Min(minX, p[0]), decimal.Min(minY, p[1])
	}
	for i := range pts {
		pts[i] = Point{pts[i][0].Sub(minX), pts[i][1].Sub(minY)}
		for _, v := range pts[i] {
			if !LimitCoordinate.Contains(v) {
				return nil, geoError("concepts.geojson.too_wide", num(LimitCoordinate.Max))
			}
		}
	}
	if len(pts) <= MaxBoundaryPoints {
		if i, j, found := crossingEdges(pts); found {
			n := len(pts)
			return nil, geoError("concepts.boundary.self_intersecting", i+1, (i+1)%n+1, j+1, (j+1)%n+1)
		}
	} else {
		return nil, geoError("concepts.geojson.too_many", len(pts), MaxBoundaryPoints)
	}
	return pts, nil
}

// singlePolygon returns the one Polygon geometry of obj.
func singlePolygon(obj *geoObject) (*geoObject, error) {
	switch obj.Type {
	case "Polygon":
		return obj, nil
	case "Feature":
		if obj.Geometry == nil {
			return nil, geoError("concepts.geojson.no_geometry")
		}
		if obj.Geometry.Type != "Polygon" {
			return nil, geoError("concepts.geojson.not_polygon", quoted(obj.Geometry.Type))
		}
		return obj.Geometry, nil
	case "FeatureCollection":
		if len(obj.Features) != 1 {
			return nil, geoError("concepts.geojson.features", len(obj.Features))
		}
		f := &obj.Features[0]
		if f.Type == "Feature" {
			return singlePolygon(f)
		}
		return nil, geoError("concepts.geojson.not_polygon", quoted(f.Type))
	}
	return nil, geoError("concepts.geojson.not_polygon", quoted(obj.Type))
}

func geoError(key string, args ...any) error {
	return newError("", 0, 0, ErrGeoJSON, nil, key, args...)
}
