package catalogue

import (
	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/internal/export"
	"github.com/huiyan-i18n/huiyan/messages"
)

// table is a table of codes as the catalogue serves it: the table's data,
// and what localizes and exports its codes, made once for its code type,
// so that the page and the API read every table the same way.
type table struct {
	*messages.Table
	// billing is true when the table says which results are billed
	// (FaceID's 是否收费); the Huiyan table's documentation does not.
	billing bool

	localize   func(b *huiyan.Bundle, code int, lang string) localized
	lookup     func(b *huiyan.Bundle, code int, lang string) any // huiyan lookup -format json
	compared   func(b *huiyan.Bundle, code int) any              // the same, -lang all
	catalogue  func(b *huiyan.Bundle, lang string) any           // huiyan export -format json
	sideBySide func(b *huiyan.Bundle) any                        // the same, -lang all
}

// localized is a code's texts in one language, whatever its table.
type localized struct {
	Known                             bool
	Lang, User, Title, Detail, Remedy string
}

// tables are the tables the catalogue serves, the default first: the
// Huiyan table, whose URLs name no table, as before there was another.
var tables = []*table{newTable[messages.Code](), newTable[faceid.Code]()}

// newTable returns the table of the codes of type C.
func newTable[C messages.TableCode]() *table {
	var zero C
	t := &table{Table: zero.Table()}
	for _, e := range t.Entries() {
		t.billing = t.billing || e.Billed
	}
	t.localize = func(b *huiyan.Bundle, code int, lang string) localized {
		m := huiyan.LocalizeWith(b, C(code), lang, nil)
		return localized{m.Known, m.Lang, m.User, m.Title, m.Detail, m.Remedy}
	}
	t.lookup = func(b *huiyan.Bundle, code int, lang string) any { return huiyan.LocalizeWith(b, C(code), lang, nil) }
	t.compared = func(b *huiyan.Bundle, code int) any { return export.NewLookupAll(b, C(code)) }
	t.catalogue = func(b *huiyan.Bundle, lang string) any { return export.NewCatalogue[C](b, lang) }
	t.sideBySide = func(b *huiyan.Bundle) any { return export.NewSideBySide[C](b) }
	return t
}

// tableNamed returns the table whose name is name, or nil.
func tableNamed(name string) *table {
	for _, t := range tables {
		if t.Name() == name {
			return t
		}
	}
	return nil
}

// isDefault reports whether t is the table that a URL without a table
// parameter names.
func (t *table) isDefault() bool { return t == tables[0] }

// param returns the query parameter that names t in a link: none for the
// default table.
func (t *table) param() string {
	if t.isDefault() {
		return ""
	}
	return "table=" + t.Name()
}

// anchor returns the id of t's code on a list: the code alone for the
// default table, as the anchors of before; the table's name and the
// code for another, since a search shows codes of every table on one
// page, where 302 may be both.
func (t *table) anchor(code string) string {
	if t.isDefault() {
		return code
	}
	return t.Name() + "-" + code
}
