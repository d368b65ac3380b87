// Package locales holds the shipped locale files of huiyan, embedded in
// every program that imports it: the texts of the Huiyan table (package
// messages) in files named for their locale, such as zh-CN.toml, and
// those of the FaceID table (package faceid) in files named with the
// table's name before it, such as faceid.zh-CN.toml.
//
// zh-CN is canonical and complete; the other files are full translations.
// A locale is added by adding files named for its BCP 47 tag, such as
// ja-JP.toml and faceid.ja-JP.toml: no code changes.
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
// identity check one user text: in the Huiyan table,
// [UniformIdentityCodes], 701 (ID number not found), 703 (name and number
// do not match), 704 (no ID photo on record), 707 (wrong number) and 708
// (wrong name), and 606, 825, 826 and 827, which say in the liveness and
// image comparison flows what 704 or 703 says; in the FaceID table,
// [FaceIDUniformIdentityCodes], the codes that say the same. The shipped
// texts tell these apart so that a person can correct the right field,
// but together they let a caller probe whether an ID number exists (704
// says it does) and which field is wrong. A service that takes ID numbers
// from callers it does not trust loads this layer over the shipped files:
//
//	b, err := huiyan.NewBundle(locales.FS, locales.UniformIdentity)
//
// A service that answers over HTTP with package huiyanhttp uses its
// WithUniformIdentity option instead, which serves this layer's text and
// answers the whole group, of either table, with one code too: a code, a
// name or a status would otherwise tell the members apart where the text
// no longer does.
//
// The trade-off is the deployment's to make: with the layer, a legitimate
// user loses the hint of which field is wrong, and one with no photo on
// record is first asked to check a name and number that are right before
// being sent to customer support; in exchange, callers cannot tell from
// the answer whether an identity exists. The operator texts still tell
// the codes apart.
var UniformIdentity fs.FS = mustSub(uniformIdentity, "uniform-identity")

// UniformIdentityCode is the code of the Huiyan table that stands for
// every code of the group, of either table, where a caller sees a code,
// such as huiyanhttp's answers with WithUniformIdentity: 826,
// IdentityInvalid ("identity verification did not pass"), the one code of
// the group whose name and meaning are true of every member.
const UniformIdentityCode = 826

// UniformIdentityCodes returns the codes of the Huiyan table (package
// messages) in the group of a failed identity check that the
// UniformIdentity layer gives one user text, in increasing order: the
// group that a deployment answers alike so that callers cannot probe
// identities. It is the one list of the table's group; a test checks that
// the layer's files of the table (zh-CN.toml and so on) hold exactly
// these codes. [FaceIDUniformIdentityCodes] is the FaceID table's.
//
// Not in the group, though they concern the identity: 501 and 705, which
// compare two values the caller sent, and 507, which the number alone
// decides; 702 and 706, outages of the identity database, which say
// nothing of the identity; and 604, 823 and 824, the face comparison,
// which follows a photo on record. A caller who gets that far with any
// face learns that the identity has a photo, but these codes are what
// tells a user to try the face again; the group hides what a name and a
// number alone reveal.
func UniformIdentityCodes() []int {
	return []int{606, 701, 703, 704, 707, 708, 825, 826, 827}
}

// FaceIDUniformIdentityCodes returns the codes of the FaceID table
// (package faceid) in the group of a failed identity check, in increasing
// order, as [UniformIdentityCodes] does for the Huiyan table; a test
// checks that the layer's files of the table (faceid.zh-CN.toml and so
// on) hold exactly these codes. They say what the Huiyan members say:
//
//   - 2002 (the name is wrong) and 2003 (the ID number is wrong): which
//     field is wrong, as 708 and 707 do;
//   - 2005 (no identity found): whether the number is on record, as 701;
//   - 2006 (name and number do not match): whether they belong together,
//     as 703;
//   - 2007 and 2008 (no photo found): the identity is on record without a
//     photo, as 704;
//   - 2009 (the photo on record is too small): the identity is on record
//     with a photo, which 704 tells by its absence.
//
// Not in the group: 301, which compares the number on the ID card the
// user scanned with the one the caller sent, as 501 does; 302 and 303,
// read from the card the user holds; the outages, which say nothing of
// the identity, as 702 and 706 do not (4-13, 1006, the identity photo
// database's error, 2001 and 2017, the data source being upgraded); the
// liveness codes (1001-1303) and 2004, 2010, 2012-2014, which are about
// the video the user recorded; and 2011, 2015 and 2016, the face
// comparison with the photo on record, kept apart as 604, 823 and 824
// are.
func FaceIDUniformIdentityCodes() []int {
	return []int{2002, 2003, 2005, 2006, 2007, 2008, 2009}
}

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // dir is a literal that embeds files: it always exists
	}
	return sub
}
