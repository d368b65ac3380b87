package huiyan

// RealisticHeaders is realisticHeaders, for the benchmarks of package
// huiyan_test.
var RealisticHeaders = realisticHeaders
