// Package locales holds the shipped locale files of huiyan, embedded in
// every program that imports it.
//
// zh-CN.toml is canonical and complete; en-US.toml is a full translation.
// A locale is added by adding a file named for its BCP 47 tag, such as
// ja-JP.toml: no code changes.
package locales

import "embed"

// FS holds the shipped locale files, *.toml at its root.
//
//go:embed *.toml
var FS embed.FS
