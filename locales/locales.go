// Package locales holds the shipped locale files of huiyan, embedded in
// every program that imports it.
//
// zh-CN.toml is canonical and complete; the other files are full
// translations. A locale is added by adding a file named for its BCP 47
// tag, such as ja-JP.toml: no code changes.
package locales

import (
	"embed"
	"io/fs"
)

// FS holds the shipped locale files, *.toml at its root.
//
//go:embed *.toml
var FS embed.FS

//go:embed uniform-identity/*.toml
var uniformIdentity embed.FS

// UniformIdentity is an override layer that gives the codes of a failed
// identity check one user text: 701 (ID number not found), 703 (name and
// number do not match), 704 (no ID photo on record), 707 (wrong number)
// and 708 (wrong name). The shipped texts tell these apart so that a
// person can correct the right field, but together they let a caller
// probe whether an ID number exists (704 says it does) and which field is
// wrong. A service that takes ID numbers from callers it does not trust
// loads this layer over the shipped files:
//
//	b, err := huiyan.NewBundle(locales.FS, locales.UniformIdentity)
//
// The trade-off is the deployment's to make: with the layer, a legitimate
// user loses the hint of which field is wrong, and one with no photo on
// record is first asked to check a name and number that are right before
// being sent to customer support; in exchange, callers cannot tell from
// the answer whether an identity exists. The operator texts still tell
// the five apart.
var UniformIdentity fs.FS = mustSub(uniformIdentity, "uniform-identity")

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // dir is a literal that embeds files: it always exists
	}
	return sub
}
