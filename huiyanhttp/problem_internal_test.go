package huiyanhttp

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/messages"
)

// constants returns the names of the constants that a Go file declares.
func constants(t *testing.T, file string) map[string]bool {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	consts := map[string]bool{}
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.CONST {
			for _, s := range g.Specs {
				for _, n := range s.(*ast.ValueSpec).Names {
					consts[n.Name] = true
				}
			}
		}
	}
	return consts
}

// TestTypeAnchors checks that the default types point at constants that
// the package of the code's table declares, so that the links land.
func TestTypeAnchors(t *testing.T) {
	c := &config{}
	check := func(typ, base string, consts map[string]bool) {
		t.Helper()
		anchor, ok := strings.CutPrefix(typ, base)
		if !ok || !consts[anchor] {
			t.Errorf("type %s, want %s and a constant that its file declares", typ, base)
		}
	}
	huiyan := constants(t, "../messages/messages.go")
	for _, code := range append(messages.All(), 99, 399, 599, 699, 799, 899, 999) {
		check(typeOf(c, typed[messages.Code]{}, code.Table(), int(code)), "https://pkg.go.dev/github.com/huiyan-i18n/huiyan/messages#", huiyan)
	}
	face := constants(t, "../faceid/faceid.go")
	for _, code := range append(faceid.All(), 99, 299, 399, 1099, 1199, 1299, 1399, 2999, 9999) {
		check(typeOf(c, typed[faceid.Code]{}, code.Table(), int(code)), "https://pkg.go.dev/github.com/huiyan-i18n/huiyan/faceid#", face)
	}
}
