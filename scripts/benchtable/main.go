// Benchtable reads the output of go test -bench -benchmem (several runs
// with -count) and prints a Markdown table: the median of each benchmark,
// and for each of huiyan's the ratio to its go-i18n baseline, measured in
// the same run, and to the bare map lookup.
//
// Usage:
//
//	go test -run '^$' -bench . -benchmem -count 5 . | go run ./scripts/benchtable
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
)

// rows pairs each of huiyan's benchmarks with go-i18n doing the same job.
var rows = []struct{ name, baseline, job string }{
	{"Trace/huiyan", "Trace/map", "a request of the realistic trace (baseline: the map floor)"},
	{"Localize/tag", "GoI18n/per_request_user_tag", "plain tag en-US (go-i18n: the user text)"},
	{"Localize/tag", "GoI18n/per_request_all_tag", "plain tag en-US (go-i18n: the 3 texts of 604)"},
	{"Localize/wechat", "GoI18n/per_request_user_wechat", "WeChat value zh_CN (go-i18n: the user text)"},
	{"Localize/header", "GoI18n/per_request_user_header", "header zh-CN,zh;q=0.9,en;q=0.8 (go-i18n: the user text)"},
	{"Localize/header", "GoI18n/per_request_all_header", "header zh-CN,zh;q=0.9,en;q=0.8 (go-i18n: the 3 texts of 604)"},
	{"Localize/partial_locale", "GoI18n/per_request_all_header", "partial locale, text from the next language"},
	{"Localize/cold", "GoI18n/new_localizer_cold", "a new header every call"},
	{"Localize/cold_realistic", "XText/cold_realistic", "10,000 realistic headers in turn (baseline: x/text ParseAcceptLanguage + Match)"},
	{"Localize/unknown_code", "GoI18n/per_request_all_tag", "code not in the catalogue"},
	{"Localize/params", "GoI18n/template", "template parameter (305, Minutes=5)"},
	{"NewBundle", "GoI18n/load_bundle", "build the default bundle (go-i18n: only load the files)"},
}

const floor = "MapLookup"

type sample struct{ ns, bytes, allocs []float64 }

var line = regexp.MustCompile(`^Benchmark(\S+?)(-\d+)?\s+\d+\s+([\d.]+) ns/op(?:\s+([\d.]+) B/op\s+([\d.]+) allocs/op)?`)

func main() {
	samples, err := read(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
	if len(samples) == 0 {
		fmt.Fprintln(os.Stderr, "benchtable: no benchmark results on standard input")
		os.Exit(1)
	}
	med := func(name string) (float64, bool) {
		s, ok := samples[name]
		if !ok {
			return 0, false
		}
		return median(s.ns), true
	}
	fmt.Println("| job | huiyan ns/op | B/op | allocs/op | baseline ns/op | baseline ÷ huiyan | huiyan ÷ map |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|")
	mapNs, haveMap := med(floor)
	for _, r := range rows {
		s, ok := samples[r.name]
		if !ok {
			continue
		}
		ns := median(s.ns)
		base, vsMap := "", ""
		if b, ok := med(r.baseline); ok {
			base = fmt.Sprintf("%s | %.1fx", num(b), b/ns)
		} else {
			base = " | "
		}
		if haveMap && r.name != "NewBundle" {
			vsMap = fmt.Sprintf("%.2fx", ns/mapNs)
		}
		fmt.Printf("| %s | %s | %s | %s | %s | %s |\n", r.job, num(ns), num(median(s.bytes)), num(median(s.allocs)), base, vsMap)
	}
	if haveMap {
		fmt.Printf("| bare map[string]string lookup (floor) | %s | | | | | 1.00x |\n", num(mapNs))
	}
}

func read(r io.Reader) (map[string]*sample, error) {
	samples := make(map[string]*sample)
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		m := line.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		s := samples[m[1]]
		if s == nil {
			s = &sample{}
			samples[m[1]] = s
		}
		for i, dst := range []*[]float64{&s.ns, &s.bytes, &s.allocs} {
			if m[3+i] == "" {
				continue
			}
			v, err := strconv.ParseFloat(m[3+i], 64)
			if err != nil {
				return nil, err
			}
			*dst = append(*dst, v)
		}
	}
	return samples, sc.Err()
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	xs = slices.Sorted(slices.Values(xs))
	if len(xs)%2 == 1 {
		return xs[len(xs)/2]
	}
	return (xs[len(xs)/2-1] + xs[len(xs)/2]) / 2
}

func num(v float64) string {
	switch {
	case v >= 100:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case v >= 10:
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}
