package huiyantc

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/huiyan-i18n/huiyan/faceid"
)

// moduleDir returns the directory of module path in the module cache, as
// this module requires it.
func moduleDir(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", path).Output()
	if err != nil {
		t.Fatalf("go list -m %s: %v", path, err)
	}
	return strings.TrimSpace(string(out))
}

// stringLits returns the string literals of the Go files (not tests) of
// dir and its subdirectories that keep, for which keep is true.
func stringLits(t *testing.T, dir string, keep func(string) bool) []string {
	t.Helper()
	var lits []string
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	sub, _ := filepath.Glob(filepath.Join(dir, "*", "*.go"))
	for _, name := range append(files, sub...) {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil && keep(s) {
					lits = append(lits, s)
				}
			}
			return true
		})
	}
	return lits
}

// TestTableHasSDKCodes checks the table against the SDK it requires: every
// code of faceid/v20180301/errors.go, and every code that the SDK gives its
// own failures (ClientError...), has a row.
func TestTableHasSDKCodes(t *testing.T) {
	faceidDir := moduleDir(t, "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/faceid")
	commonDir := moduleDir(t, "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common")
	api := constsOf(t, filepath.Join(faceidDir, "v20180301", "errors.go"))
	if len(api) < 90 {
		t.Fatalf("errors.go has %d codes: not the file expected", len(api))
	}
	own := func(s string) bool { return strings.HasPrefix(s, clientPrefix) }
	for _, c := range slices.Concat(api, stringLits(t, commonDir, own), stringLits(t, faceidDir, own)) {
		if _, ok := faceIDOf[c]; !ok {
			t.Errorf("%s: the SDK has the code, the table does not", c)
		}
	}
}

// constsOf returns the values of the string constants of the Go file name.
func constsOf(t *testing.T, name string) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, spec := range g.Specs {
			for _, v := range spec.(*ast.ValueSpec).Values {
				if lit, ok := v.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					s, _ := strconv.Unquote(lit.Value)
					codes = append(codes, s)
				}
			}
		}
	}
	return codes
}

// TestTable checks the rows: each code once, in the shape of Tencent
// Cloud's codes, and each FaceID code one of the table's.
func TestTable(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range sdkCodes {
		switch {
		case seen[c.code]:
			t.Errorf("%s: two rows", c.code)
		case c.code == "" || strings.ContainsAny(c.code, " \t*"):
			t.Errorf("%q: not a code", c.code)
		case c.faceID != none && !c.faceID.Known():
			t.Errorf("%s: %v is not in the FaceID table", c.code, c.faceID)
		case c.faceID == faceid.Success:
			t.Errorf("%s: an error cannot be a success", c.code)
		case strings.HasPrefix(c.code, clientPrefix) && c.faceID != none:
			t.Errorf("%s: the SDK's own failure is no verification's result", c.code)
		}
		seen[c.code] = true
	}
}

func TestFaceIDCode(t *testing.T) {
	tests := []struct {
		code string
		want faceid.Code
		ok   bool
	}{
		{"InvalidParameterValue.BizTokenExpired", faceid.TokenExpired, true},
		{"FailedOperation.CompareLowSimilarity", faceid.SimilarityTooLow, true},
		{"FailedOperation.ActionFaceClose", faceid.FaceDistance1203, true},
		{"FailedOperation.LipVoiceLow", faceid.VideoVolumeTooLow, true},
		{"UnauthorizedOperation.Arrears", 0, false},
		{"UnauthorizedOperation.Nonactivated", faceid.APINotAuthorized, true},
		// A code the table lacks: its parent's row.
		{"InvalidParameterValue.NewKind", faceid.InvalidParameterValue, true},
		{"UnauthorizedOperation.NewKind", faceid.APINotAuthorized, true},
		{"FailedOperation.NewKind", 0, false},
		{"ClientError.NewKind", 0, false},
		{"Brand.New.Code", 0, false},
		{"", 0, false},
		{".", 0, false},
		{"InternalError.", faceid.InternalError4, true},
	}
	for _, tt := range tests {
		got, ok := faceIDCode(tt.code)
		if got != tt.want || ok != tt.ok {
			t.Errorf("faceIDCode(%q) = %v, %v; want %v, %v", tt.code, got, ok, tt.want, tt.ok)
		}
	}
}
