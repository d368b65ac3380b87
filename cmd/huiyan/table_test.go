package main

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/messages"
)

// TestLookupTable checks that -table says which table a code is read in:
// 302 and 303 mean other things in each.
func TestLookupTable(t *testing.T) {
	tests := []struct {
		args  []string
		table string
		name  string
		title string
	}{
		{[]string{"lookup", "302", "-table", "faceid", "-lang", "zh-CN", "-format", "json"}, "faceid", "IDCardExpired", huiyan.LocalizeWith(nil, faceid.IDCardExpired, "zh-CN", nil).Title},
		{[]string{"lookup", "302", "-lang", "zh-CN", "-format", "json"}, "huiyan", "SMSRateLimited", huiyan.Localize(messages.SMSRateLimited, "zh-CN").Title},
		{[]string{"lookup", "303", "-table=faceid", "-format", "json"}, "faceid", "IDCardScanFailed", huiyan.LocalizeWith(nil, faceid.IDCardScanFailed, "zh-CN", nil).Title},
		{[]string{"lookup", "-table", "huiyan", "303", "-format", "json"}, "huiyan", "SMSDailyLimit", huiyan.Localize(messages.SMSDailyLimit, "zh-CN").Title},
		{[]string{"lookup", "1299", "-table", "faceid", "-lang", "en-US", "-format", "json"}, "faceid", "faceid.Code(1299)", huiyan.LocalizeWith(nil, faceid.Code(1299), "en-US", nil).Title},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var got struct{ Table, Name, Title, Category string }
			if err := json.Unmarshal([]byte(mustRun(t, tt.args...)), &got); err != nil {
				t.Fatal(err)
			}
			if got.Table != tt.table || got.Name != tt.name || got.Title != tt.title {
				t.Errorf("table %q, name %q, title %q; want %q, %q, %q", got.Table, got.Name, got.Title, tt.table, tt.name, tt.title)
			}
		})
	}
	text := mustRun(t, "lookup", "2016", "-table", "faceid", "-lang", "en-US")
	if !strings.HasPrefix(text, "faceid 2016 SimilarityTooLow (image_comparison, billed) [en-US]\n") {
		t.Errorf("text:\n%s", text)
	}
	if code, _, stderr := runArgs("lookup", "302", "-table", "FaceID"); code != exitUsage || !strings.Contains(stderr, `unknown table "FaceID"`) {
		t.Errorf("an unknown table: exit %d, %q", code, stderr)
	}
	if code, _, stderr := runArgs("export", "-table", "faceid", "-format", "grafana"); code != exitUsage || stderr == "" {
		t.Errorf("grafana with -table: exit %d, %q", code, stderr)
	}
}

// TestExportFaceID checks export -table faceid -lang all: every code of
// the table, each with a user text in every locale and its zh-CN title.
func TestExportFaceID(t *testing.T) {
	var got struct {
		Table    string   `json:"table"`
		Langs    []string `json:"langs"`
		Messages []struct {
			Code   int  `json:"code"`
			Billed bool `json:"billed"`
			Texts  map[string]struct {
				User, Title string
			} `json:"texts"`
		} `json:"messages"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "export", "-table", "faceid", "-lang", "all", "-format", "json")), &got); err != nil {
		t.Fatal(err)
	}
	entries := faceid.Table.Entries()
	if got.Table != "faceid" || len(got.Messages) != len(entries) || len(got.Langs) != 4 {
		t.Fatalf("table %q, %d messages (want %d), langs %q", got.Table, len(got.Messages), len(entries), got.Langs)
	}
	for i, m := range got.Messages {
		e := entries[i]
		if m.Code != e.Code || m.Billed != e.Billed {
			t.Errorf("message %d: code %d billed %v, want %d %v", i, m.Code, m.Billed, e.Code, e.Billed)
		}
		for _, l := range got.Langs {
			if m.Texts[l].User == "" {
				t.Errorf("%d has no user text in %s", m.Code, l)
			}
		}
		if want := huiyan.LocalizeWith(nil, faceid.Code(e.Code), "zh-CN", nil).Title; m.Texts["zh-CN"].Title != want {
			t.Errorf("%d: zh-CN title %q, want %q", m.Code, m.Texts["zh-CN"].Title, want)
		}
	}
	csv := mustRun(t, "export", "-table", "faceid", "-format", "csv", "-lang", "en-US")
	if !strings.HasPrefix(csv, "\uFEFFcode,name,category,billed,known,lang,user,title,detail,remedy\r\n") || !strings.Contains(csv, "\r\n2016,SimilarityTooLow,image_comparison,true,") {
		t.Errorf("CSV:\n%.300s", csv)
	}
}

// TestLintTable checks that lint -table faceid lints the FaceID files.
func TestLintTable(t *testing.T) {
	out := mustRun(t, "lint", "-strict", "-table", "faceid")
	for _, l := range []string{"zh-CN", "en-US", "zh-HK", "zh-TW"} {
		want := l + ": " + strconv.Itoa(len(faceid.Table.Entries())) + "/" + strconv.Itoa(len(faceid.Table.Entries())) + " codes complete\n"
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
}
