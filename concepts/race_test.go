//go:build race

package concepts

// raceEnabled is true when the tests run under the race detector.
const raceEnabled = true
