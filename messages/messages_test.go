package messages

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestCatalogue(t *testing.T) {
	all := All()
	if len(all) != 73 {
		t.Fatalf("All() has %d codes, want 73", len(all))
	}
	if !slices.IsSorted(all) {
		t.Error("All() is not sorted")
	}
	names := map[string]bool{}
	for _, c := range all {
		name := c.String()
		if !c.Known() || names[name] || strings.HasPrefix(name, "Code(") || strings.HasPrefix(name, "E") && name[1] >= '0' && name[1] <= '9' {
			t.Errorf("code %d: Known %v, name %q", c, c.Known(), name)
		}
		names[name] = true
	}
}

func TestCategories(t *testing.T) {
	tests := []struct {
		code Code
		want Category
	}{
		{Success, General}, {RedirectURLMismatch, General}, {SMSRateLimited, SMS}, {SMSCodeExpired, SMS},
		{IDNumberMismatch, IDCardOCR}, {IDCardNotDetected, IDCardOCR}, {LivenessEngineError, Liveness},
		{FullFaceNotDetected, Liveness}, {IdentityNotFound, IdentityDatabase}, {NameInvalid, IdentityDatabase},
		{ComparisonEngineError, ImageComparison}, {NoMatchingPhoto, ImageComparison},
		{RealNameVerificationFailed, WeChatRealName}, {WeChatRealNameUnknownError, WeChatRealName},
		{99, General}, {150, General}, {404, General}, {699, Liveness}, {-600, General}, {1600, General},
		{-350, General}, {-1, General}, {0, General}, {999, WeChatRealName}, {1000, General}, {1350, General},
	}
	for _, tt := range tests {
		if got := tt.code.Category(); got != tt.want {
			t.Errorf("Code(%d).Category() = %v, want %v", tt.code, got, tt.want)
		}
	}
	for _, c := range Categories() {
		got, ok := ParseCategory(c.String())
		if !ok || got != c {
			t.Errorf("ParseCategory(%q) = %v, %v", c, got, ok)
		}
	}
	if _, ok := ParseCategory("faces"); ok {
		t.Error(`ParseCategory("faces") succeeded`)
	}
	if s := Category(99).String(); s != "Category(99)" {
		t.Errorf("Category(99).String() = %q", s)
	}
}

func TestCategoryOutsideConstants(t *testing.T) {
	tests := []struct {
		name string
		c    Category
		want string
	}{
		{"negative", -1, "Category(-1)"},
		{"first after the last", WeChatRealName + 1, "Category(7)"},
		{"far after", 99, "Category(99)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.c.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
			if got := tt.c.Name(); got != tt.want {
				t.Errorf("Name() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCodeOutsideCatalogue(t *testing.T) {
	for _, c := range []Code{-1, 6, 506, 904, 906, 1000, -1 << 62} {
		if c.Known() || c.Retryable() {
			t.Errorf("Code(%d): Known or Retryable", c)
		}
		if _, ok := c.Param(); ok {
			t.Errorf("Code(%d) has a parameter", c)
		}
		if !strings.HasPrefix(c.String(), "Code(") {
			t.Errorf("Code(%d).String() = %q", c, c.String())
		}
	}
}

func TestParams(t *testing.T) {
	want := map[Code]Param{
		// A quota and a daily cap are limits; a validity and a wait the user
		// must know are not.
		QuotaExceeded: {"Quota", 1000, true}, TokenInvalid: {"Days", 3, false}, TokenExpired: {"Hours", 2, false},
		SMSRateLimited: {"Seconds", 60, false}, SMSDailyLimit: {"DailyLimit", 10, true}, SMSCodeExpired: {"Minutes", 10, false},
	}
	for _, c := range All() {
		p, ok := c.Param()
		if w, has := want[c]; ok != has || p != w {
			t.Errorf("Code(%d).Param() = %v, %v; want %v, %v", c, p, ok, w, has)
		}
	}
	if !FaceTooClose.Retryable() || IdentityNotFound.Retryable() {
		t.Error("FaceTooClose must be retryable and IdentityNotFound not")
	}
}

// TestIndex checks that Index is a code's position in All, and -1 for any
// other int.
func TestIndex(t *testing.T) {
	for i, c := range All() {
		if c.Index() != i {
			t.Errorf("Code(%d).Index() = %d, want %d", c, c.Index(), i)
		}
	}
	for _, c := range []Code{-1, 6, 506, 699, 904, 906, 1000, math.MinInt64, math.MaxInt64} {
		if c.Index() != -1 {
			t.Errorf("Code(%d).Index() = %d, want -1", c, c.Index())
		}
	}
}

// declared reads messages.go: the constants of type Code, by name, with
// the range that the section comment each stands under states, and the
// range that each Category constant's comment states.
func declared(t *testing.T) (codes map[string]int64, sections map[string]string, ranges map[Category]string) {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "messages.go", nil, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	rng := regexp.MustCompile(`\d+-\d+`)
	codes, sections, ranges = map[string]int64{}, map[string]string{}, map[Category]string{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		section, typ := "", blockType(g)
		for i, s := range g.Specs {
			v := s.(*ast.ValueSpec)
			if v.Doc != nil {
				section = rng.FindString(v.Doc.Text())
			}
			if typ == "Category" && v.Comment != nil {
				ranges[Category(i)] = rng.FindString(v.Comment.Text())
			}
			if typ != "Code" {
				continue
			}
			n, err := strconv.ParseInt(v.Values[0].(*ast.BasicLit).Value, 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			codes[v.Names[0].Name] = n
			sections[v.Names[0].Name] = section
		}
	}
	return codes, sections, ranges
}

// TestNamesAreTheConstants checks that every code's String is the name of
// its constant, so that a table that swaps two names fails.
func TestNamesAreTheConstants(t *testing.T) {
	codes, _, _ := declared(t)
	if len(codes) != len(All()) {
		t.Errorf("messages.go declares %d codes, All has %d", len(codes), len(All()))
	}
	for name, n := range codes {
		if got := Code(n).String(); got != name {
			t.Errorf("%s = %d, but Code(%d).String() = %q", name, n, n, got)
		}
	}
}

// TestCategoryRanges checks each code against the range of its section
// of messages.go, and its Category against the category of that range.
func TestCategoryRanges(t *testing.T) {
	codes, sections, ranges := declared(t)
	if len(ranges) != len(Categories()) {
		t.Fatalf("ranges of %d categories in messages.go, want %d: %v", len(ranges), len(Categories()), ranges)
	}
	for name, n := range codes {
		lo, hi, _ := strings.Cut(sections[name], "-")
		l, _ := strconv.ParseInt(lo, 10, 64)
		h, _ := strconv.ParseInt(hi, 10, 64)
		if sections[name] == "" || n < l || n > h {
			t.Errorf("%s = %d, outside the range %q of its section", name, n, sections[name])
		}
		if c := Code(n).Category(); ranges[c] != sections[name] {
			t.Errorf("%s = %d: Category() = %s, whose range is %q, but it stands in the section %q", name, n, c, ranges[c], sections[name])
		}
	}
}

// TestCategoryNames checks the names of the categories' constants.
func TestCategoryNames(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "messages.go", nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.CONST && blockType(g) == "Category" {
			for _, s := range g.Specs {
				names = append(names, s.(*ast.ValueSpec).Names[0].Name)
			}
		}
	}
	var got []string
	for _, c := range Categories() {
		got = append(got, c.Name())
	}
	if !slices.Equal(got, names) {
		t.Errorf("Category names %q, want the constants %q", got, names)
	}
	if got := Category(99).Name(); got != "Category(99)" {
		t.Errorf("Category(99).Name() = %q", got)
	}
}

// blockType returns the type that the first constant of a block names, or
// "" when it names none.
func blockType(g *ast.GenDecl) string {
	if id, ok := g.Specs[0].(*ast.ValueSpec).Type.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

func TestParseCode(t *testing.T) {
	tests := []struct {
		in      string
		want    Code
		wantErr error
	}{
		{"655", FaceTooClose, nil},
		{"0655", FaceTooClose, nil},
		{"+655", FaceTooClose, nil},
		{"-5", -5, nil},
		{"99999999999999999999", 0, strconv.ErrRange},
		{"655a", 0, strconv.ErrSyntax},
		{"", 0, strconv.ErrSyntax},
		{" 655", 0, strconv.ErrSyntax},
	}
	for _, tt := range tests {
		got, err := ParseCode(tt.in)
		if !errors.Is(err, tt.wantErr) || err == nil && got != tt.want {
			t.Errorf("ParseCode(%q) = %d, %v; want %d, %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}
