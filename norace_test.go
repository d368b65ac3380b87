//go:build !race

package huiyan

const raceEnabled = false
