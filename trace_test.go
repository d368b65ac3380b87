package huiyan_test

import (
	"io/fs"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/messages"
)

// A realistic trace: what a service's Localize calls look like, rather
// than one value repeated, which a cache always holds. Its requests are
// drawn Zipf-like over traceHeaders realistic Accept-Language headers (a
// few browsers' headers are most of the traffic, and a long tail comes now
// and then) and over the codes (success and a few liveness failures
// dominate). It is generated the same on every run.
const (
	traceHeaders  = 1000
	traceRequests = 200_000
)

// request is one call of the trace.
type request struct {
	header string
	code   messages.Code
}

// traceKey is the key of the floor: a map from the header and the code
// to the message prepared beforehand.
type traceKey struct {
	header string
	code   messages.Code
}

// realisticTrace returns the trace, seeded.
func realisticTrace() []request {
	headers := huiyan.RealisticHeaders(traceHeaders)
	codes := messages.All()
	rng := rand.New(rand.NewPCG(24, 2026))
	rng.Shuffle(len(headers), func(i, j int) { headers[i], headers[j] = headers[j], headers[i] })
	rng.Shuffle(len(codes), func(i, j int) { codes[i], codes[j] = codes[j], codes[i] })
	hz := rand.NewZipf(rng, 1.1, 1, traceHeaders-1)
	cz := rand.NewZipf(rng, 1.3, 1, uint64(len(codes)-1))
	trace := make([]request, traceRequests)
	for i := range trace {
		trace[i] = request{headers[hz.Uint64()], codes[cz.Uint64()]}
	}
	return trace
}

// traceFloor returns the floor's map, prepared from b. Its keys hold
// copies of the headers, as a cache's do: a request's header is a string
// of its own, never the one the map holds, so a lookup compares the bytes,
// where the same string would compare equal by its pointer alone.
func traceFloor(b *huiyan.Bundle, trace []request) map[traceKey]huiyan.Message {
	m := make(map[traceKey]huiyan.Message)
	for _, r := range trace {
		k := traceKey{strings.Clone(r.header), r.code}
		if _, ok := m[k]; !ok {
			m[k] = b.Localize(r.code, r.header)
		}
	}
	return m
}

//go:noinline
func runTrace(b *huiyan.Bundle, trace []request) {
	for _, r := range trace {
		sink = b.Localize(r.code, r.header)
	}
}

//go:noinline
func runTraceFloor(m map[traceKey]huiyan.Message, trace []request) {
	for _, r := range trace {
		sink = m[traceKey(r)]
	}
}

// BenchmarkTrace replays the realistic trace, one request per op, against
// the floor in the same run: the same trace answered from a map keyed by
// the header and the code. scripts/callgrind trace counts the same in
// instructions.
func BenchmarkTrace(b *testing.B) {
	trace := realisticTrace()
	bundle := huiyan.Default()
	runTrace(bundle, trace) // warm: every header seen
	runTrace(bundle, trace)
	b.Run("huiyan", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			r := trace[i%len(trace)]
			sink = bundle.Localize(r.code, r.header)
			i++
		}
	})
	b.Run("map", func(b *testing.B) {
		m := traceFloor(bundle, trace)
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			sink = m[traceKey(trace[i%len(trace)])]
			i++
		}
	})
}

// TestTraceAllocatesNothing replays the trace on new bundles, each with
// caches of its own (and so its own hash seeds): once every header has
// been seen twice, a request allocates nothing, and every answer is the
// floor's.
func TestTraceAllocatesNothing(t *testing.T) {
	if huiyan.RaceEnabled {
		t.Skip("the race detector allocates")
	}
	trace := realisticTrace()
	floor := traceFloor(huiyan.Default(), trace)
	for range 3 {
		b := mustBundle()
		runTrace(b, trace)
		runTrace(b, trace)
		if a := testing.AllocsPerRun(1, func() { runTrace(b, trace) }); a != 0 {
			t.Errorf("a warm pass of %d requests allocates %v times", len(trace), a)
		}
		for _, r := range trace[:5000] {
			if got := b.Localize(r.code, r.header); got != floor[traceKey(r)] {
				t.Fatalf("Localize(%d, %q) = %+v, want %+v", r.code, r.header, got, floor[traceKey(r)])
			}
		}
	}
}

// mapFloor returns the floor of Localize for lang: a map from the
// language values to the message of 604, lang's and each locale's. Its
// keys are copies, as a cache's are: a request's value is a string of its
// own, never the one the map holds, so a lookup compares the bytes, where
// the same string would compare equal by its pointer alone.
func mapFloor(b *huiyan.Bundle, lang string) map[string]huiyan.Message {
	m := map[string]huiyan.Message{}
	for _, l := range append(b.Locales(), lang) {
		m[strings.Clone(l)] = b.Localize(messages.SimilarityTooLow, l)
	}
	return m
}

// mustBundle is huiyan.NewBundle for a test's catalogue, which loads.
func mustBundle(fsys ...fs.FS) *huiyan.Bundle {
	b, err := huiyan.NewBundle(fsys...)
	if err != nil {
		panic(err)
	}
	return b
}
