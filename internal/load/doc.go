// Package load reads locale files into texts, in steps, each in the file
// named for it:
//
//	read (read.go) → parse (parse.go) → merge (merge.go) → check (check.go)
//
// Package huiyan builds a Bundle of what they give, and package lint runs
// the same steps and adds its advice. A problem found by any step names the
// file and the line; those that are not advice stop a Bundle from being
// built.
package load
