package messages

import (
	"strings"
	"testing"
)

// TestNewTableRefuses checks that a table written wrong does not make it
// past its package's start.
func TestNewTableRefuses(t *testing.T) {
	cats := []CategoryInfo{{Key: "general"}}
	tests := []struct {
		name    string
		cats    []CategoryInfo
		entries []Entry
		want    string
	}{
		{"no categories", nil, []Entry{{Code: 1}}, "needs categories"},
		{"no entries", cats, nil, "needs categories and entries"},
		{"out of order", cats, []Entry{{Code: 2}, {Code: 1}}, "out of order"},
		{"repeated", cats, []Entry{{Code: 1}, {Code: 1}}, "repeated"},
		{"negative", cats, []Entry{{Code: -1}, {Code: 1}}, "negative"},
		{"too large", cats, []Entry{{Code: 1 << 15}}, "code 32768 is outside 0 to 32767"},
		{"no such category", cats, []Entry{{Code: 1, Category: 1}}, "no category 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				r := recover()
				if s, _ := r.(string); !strings.Contains(s, tt.want) {
					t.Errorf("panic %v, want one saying %q", r, tt.want)
				}
			}()
			NewTable("t", tt.cats, tt.entries)
		})
	}
}

// TestTableLookups checks a small table: entries by code, categories of
// codes outside it by range, and statuses.
func TestTableLookups(t *testing.T) {
	tbl := NewTable("faces", []CategoryInfo{
		{Key: "general", Status: 400},
		{Key: "liveness", Ranges: []Range{{1200, 1299}, {3000, 3000}}, Status: 422},
	}, []Entry{
		{Code: 0, Name: "Success", Status: 200},
		{Code: 1203, Name: "TooClose", Category: 1, Status: 409, Retryable: true},
	})
	tests := []struct {
		code, index, category, status int
	}{
		{0, 0, 0, 200}, {1203, 1, 1, 409}, {1204, -1, 1, 422}, {3000, -1, 1, 422},
		{2999, -1, 0, 400}, {-1, -1, 0, 400}, {1 << 40, -1, 0, 400},
	}
	for _, tt := range tests {
		if got := tbl.Index(tt.code); got != tt.index {
			t.Errorf("Index(%d) = %d, want %d", tt.code, got, tt.index)
		}
		if got := tbl.CategoryOf(tt.code); got != tt.category {
			t.Errorf("CategoryOf(%d) = %d, want %d", tt.code, got, tt.category)
		}
		if got := tbl.Status(tt.code); got != tt.status {
			t.Errorf("Status(%d) = %d, want %d", tt.code, got, tt.status)
		}
	}
	if e, ok := tbl.Lookup(1203); !ok || e.Name != "TooClose" || !e.Retryable {
		t.Errorf("Lookup(1203) = %+v, %v", e, ok)
	}
	if i, ok := tbl.ParseCategory("liveness"); !ok || i != 1 {
		t.Errorf("ParseCategory(liveness) = %d, %v", i, ok)
	}
	if _, ok := tbl.ParseCategory("Liveness"); ok {
		t.Error("ParseCategory is not case-sensitive")
	}
	if tbl.Name() != "faces" || len(tbl.Entries()) != 2 || len(tbl.Categories()) != 2 {
		t.Errorf("Name %q, %d entries, %d categories", tbl.Name(), len(tbl.Entries()), len(tbl.Categories()))
	}
}
