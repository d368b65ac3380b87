//go:build race

package huiyan

// raceEnabled shortens the tests whose loops the race detector slows ten
// times.
const raceEnabled = true
