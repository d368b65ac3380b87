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
// identity check, [UniformIdentityCodes], one user text: 701 (ID number
// not found), 703 (name and number do not match), 704 (no ID photo on
// record), 707 (wrong number) and 708 (wrong name), and 606, 825, 826 and
// 827, which say in the liveness and image comparison flows what 704 or
// 703 says. The shipped texts tell these apart so that a person can
// correct the right field, but together they let a caller probe whether
// an ID number exists (704 says it does) and which field is wrong. A
// service that takes ID numbers from callers it does not trust loads this
// layer over the shipped files:
//
//	b, err := huiyan.NewBundle(locales.FS, locales.UniformIdentity)
//
// A service that answers over HTTP with package huiyanhttp uses its
// WithUniformIdentity option instead, which serves this layer's text and
// answers the whole group with one code too: a code, a name or a status
// would otherwise tell the members apart where the text no longer does.
//
// The trade-off is the deployment's to make: with the layer, a legitimate
// user loses the hint of which field is wrong, and one with no photo on
// record is first asked to check a name and number that are right before
// being sent to customer support; in exchange, callers cannot tell from
// the answer whether an identity exists. The operator texts still tell
// the codes apart.
var UniformIdentity fs.FS = mustSub(uniformIdentity, "uniform-identity")

// UniformIdentityCode is the code that stands for every code of
// [UniformIdentityCodes] where a caller sees a code, such as huiyanhttp's
// answers with WithUniformIdentity: 826, IdentityInvalid ("identity
// verification did not pass"), the one code of the group whose name and
// meaning are true of every member.
const UniformIdentityCode = 826

// UniformIdentityCodes returns the codes of a failed identity check that
// the UniformIdentity layer gives one user text, in increasing order: the
// group that a deployment answers alike so that callers cannot probe
// identities. It is the one list of the group; a test checks that the
// layer's files hold exactly these codes.
//
// The codes are integers, not one table's type: a code of another table
// joins the group by being added here and to the layer. Not in the group,
// though they concern the identity: 501 and 705, which compare two values
// the caller sent, and 507, which the number alone decides; 702 and 706,
// outages of the identity database, which say nothing of the identity;
// and 604, 823 and 824, the face comparison, which follows a photo on
// record. A caller who gets that far with any face learns that the
// identity has a photo, but these codes are what tells a user to try the
// face again; the group hides what a name and a number alone reveal.
func UniformIdentityCodes() []int {
	return []int{606, 701, 703, 704, 707, 708, 825, 826, 827}
}

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // dir is a literal that embeds files: it always exists
	}
	return sub
}
