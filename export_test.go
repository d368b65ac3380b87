package huiyan

// RealisticHeaders is realisticHeaders, for the benchmarks of package
// huiyan_test.
var RealisticHeaders = realisticHeaders

// RaceEnabled is raceEnabled, for the tests of package huiyan_test.
const RaceEnabled = raceEnabled
