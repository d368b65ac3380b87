package huiyanhttp

import (
	"log/slog"
	"reflect"
	"strconv"
	"strings"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/internal/load"
	"github.com/huiyan-i18n/huiyan/messages"
)

// A code comes with its table (messages.TableCode): the Huiyan table of
// package messages, or the FaceID table of package faceid. The exported
// functions take the code's Go type, and the rest of the package works on
// the table and the integer, keeping the type (a codeType) for what needs
// it: localizing, through huiyan.LocalizeWith. What depends on the table
// alone (its answers, its labels, its identity group) is kept by the
// table's position in load.Tables, the tables a Bundle serves, whose first
// is the default.

// tableIndex returns the position of tbl in load.Tables, or -1 for a
// table that no Bundle serves.
func tableIndex(tbl *messages.Table) int {
	for i, t := range load.Tables {
		if t == tbl {
			return i
		}
	}
	return -1
}

// codeType does for the codes of one Go type what needs the type.
type codeType interface {
	// table returns the table of the type's codes.
	table() *messages.Table
	// message returns b's message for code in lang with params.
	message(b *huiyan.Bundle, code int, lang string, params map[string]int) message
	// logValue returns the log value of that message: its table, code,
	// name, category and operator texts.
	logValue(b *huiyan.Bundle, code int, lang string, params map[string]int) slog.Value
	// docs returns the link to anchor, the name of a constant, in the
	// documentation of the package that declares the type, whose
	// constants are named for the codes and categories.
	docs(anchor string) string
}

// message is what the answers show of a huiyan.MessageOf.
type message struct {
	User, Lang string
	Name       string // the code's String
}

// typed is the codeType of C; it has no fields, so that passing one as a
// codeType allocates nothing.
type typed[C messages.TableCode] struct{}

func (typed[C]) table() *messages.Table {
	var code C
	return code.Table()
}

func (typed[C]) message(b *huiyan.Bundle, code int, lang string, params map[string]int) message {
	m := huiyan.LocalizeWith(b, C(code), lang, params)
	return message{User: m.User, Lang: m.Lang, Name: m.Code.String()}
}

func (typed[C]) logValue(b *huiyan.Bundle, code int, lang string, params map[string]int) slog.Value {
	return huiyan.LocalizeWith(b, C(code), lang, params).LogValue()
}

func (typed[C]) docs(anchor string) string {
	return "https://pkg.go.dev/" + reflect.TypeFor[C]().PkgPath() + "#" + anchor
}

// typeOf returns the type URI of the problems of code of tbl, whose Go
// type is t: with WithTypeBase, the base and the decimal code, with the
// query parameter table for a table other than the default, as package
// catalogue's pages take it; else the code's constant, or its category's
// for a code outside its table, in the documentation of its type's
// package.
func typeOf(c *config, t codeType, tbl *messages.Table, code int) string {
	if c.typeBase != "" {
		u := c.typeBase + strconv.Itoa(code)
		switch {
		case tbl == load.Tables[0]:
			return u
		case strings.Contains(c.typeBase, "?"):
			return u + "&table=" + tbl.Name()
		}
		return u + "?table=" + tbl.Name()
	}
	if e, ok := tbl.Lookup(code); ok {
		return t.docs(e.Name)
	}
	return t.docs(tbl.Categories()[tbl.CategoryOf(code)].Name)
}
