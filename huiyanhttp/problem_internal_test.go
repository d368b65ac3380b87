package huiyanhttp

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"

	"github.com/huiyan-i18n/huiyan/messages"
)

// TestTypeAnchors checks that the default types point at constants that
// package messages declares, so that the links land.
func TestTypeAnchors(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "../messages/messages.go", nil, parser.SkipObjectResolution)
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
	codes := append(messages.All(), 99, 399, 599, 699, 799, 899, 999)
	c := &config{}
	for _, code := range codes {
		typ := c.typeOf(code)
		anchor := typ[len(defaultTypeBase):]
		if typ[:len(defaultTypeBase)] != defaultTypeBase || !consts[anchor] {
			t.Errorf("code %d: type %s, whose anchor messages.go does not declare", code, typ)
		}
	}
}
