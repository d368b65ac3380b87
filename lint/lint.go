// Package lint checks locale files as huiyan.NewBundle loads them, and
// also reports what loads but needs a translator's attention: text left
// untranslated, missing texts and plural forms, internal terms in user
// texts, words of another region's usage, stray white space. It is the
// tooling of package huiyan, apart from what a service imports, as
// goi18n is apart from go-i18n's i18n; the command huiyan lint prints it.
package lint

import (
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/internal/load"
	"github.com/huiyan-i18n/huiyan/messages"
)

// Report is what [Lint] found in a set of locale files.
type Report struct {
	// Problems lists every problem, by file and line: those that make
	// huiyan.NewBundle fail, and the advice, which loads all the same.
	Problems []*Problem
	// Locales says how complete each locale is, the canonical one first.
	Locales []LocaleStatus
}

// Problem is one finding: where it is and what it is, and whether it is
// advice. Its Error method reads "huiyan: FILE:LINE: MSG".
type Problem struct {
	huiyan.FileError
	// Advice is true for what loads all the same (text left
	// untranslated, missing texts), false for what stops
	// huiyan.NewBundle.
	Advice bool
}

// LocaleStatus is the completeness of one locale.
type LocaleStatus struct {
	Lang     string // BCP 47 tag
	Complete int    // codes with their own text for every field zh-CN has
	Codes    int    // codes in the catalogue
	Texts    int    // texts of its own, of codes and categories

	// Partial is true for a locale that only a deployment's layer defines
	// (a file over the shipped ones) and that lacks texts: readers get
	// those from their next language, en-US or zh-CN, by design. Missing
	// then lists what it lacks, which is not in Report.Problems. A locale
	// of a complete catalogue is never partial: what it lacks is in
	// Problems, as advice for its translator.
	Partial bool
	Missing []*Problem
}

// Lint checks locale files as huiyan.NewBundle loads them, layered in the
// same order (with none, the embedded locales; huiyan.Dir names a
// directory's files by their path), and also reports what loads but needs
// a translator's attention. What Lint reports no problem for loads; every
// reason NewBundle fails is among its problems.
//
// Lint checks the files of the Huiyan table, [messages.Huiyan]; [LintTable]
// those of another.
func Lint(fsys ...fs.FS) *Report { return LintTable(messages.Huiyan, fsys...) }

// LintTable is [Lint] of the files of table tbl, such as faceid.Table,
// whose files are named faceid.zh-CN.toml and so on. The files of other
// tables are not read.
func LintTable(tbl *messages.Table, fsys ...fs.FS) *Report {
	l := load.Load(tbl, load.Layers(fsys))
	ps := l.Problems
	for _, f := range l.Files {
		for _, t := range f.Texts {
			lintText(t, f.Tag, &ps)
		}
	}
	r := &Report{}
	ms := l.Locales
	if len(ms) == 0 || ms[0].Tag != load.CanonicalTag {
		r.Problems = problemsOf(ps)
		return r
	}
	zh := ms[0]
	for _, m := range ms {
		st := LocaleStatus{Lang: m.Tag.String(), Codes: len(m.Table.Entries()), Texts: len(m.Texts)}
		for _, e := range m.Table.Entries() {
			if len(m.MissingFields(zh, e.Code)) == 0 {
				st.Complete++
			}
		}
		if m == zh {
			r.Locales = append(r.Locales, st)
			continue
		}
		compareTexts(m, zh, &ps)
		var missing load.Problems
		checkComplete(m, zh, &missing)
		st.Partial = m.Layer > 0 && len(missing) > 0
		if st.Partial {
			st.Missing = problemsOf(missing)
		} else {
			ps = append(ps, missing...)
		}
		r.Locales = append(r.Locales, st)
	}
	r.Problems = problemsOf(ps)
	return r
}

// problemsOf returns the problems sorted, as a Report lists them.
func problemsOf(ps load.Problems) []*Problem {
	var out []*Problem
	for _, p := range ps.Sorted() {
		out = append(out, &Problem{FileError: huiyan.FileError{File: p.File, Line: p.Line, Msg: p.Msg, Err: p.Err}, Advice: p.Advice})
	}
	return out
}

// internalTerms are words that mean nothing to the person holding the
// phone, and must not appear in user texts; compiled on first use, so
// that a program that never lints does not pay for them when it starts.
var internalTerms = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(signature|appid|app id|biztoken|token|cgi|sdk|api|ocr|auth|1v1|url|threshold|engine)\b|接口|引擎|内网|证照库|阈值|截帧|签名|参数`)
})

// compareTexts checks each text of m against zh-CN's: the same
// parameters, translated, with the plural forms m's language needs.
func compareTexts(m, zh *load.Locale, ps *load.Problems) {
	hanScript := usesHan(m.Tag)
	needed := neededForms(m.Tag)
	for _, t := range m.OwnTexts() {
		z := zh.Texts[t.ID]
		if z == nil {
			continue // not a text of zh-CN: identify reported it
		}
		if !slices.Equal(t.Params, z.Params) {
			ps.Add(false, t.File, t.Line(), nil, fmt.Sprintf("%s uses %s, but zh-CN's uses %s", t.ID, fieldList(t.Params), fieldList(z.Params)))
		}
		if !hanScript {
			checkTranslated(t, z, m.Tag, ps)
		}
		if p, ok := t.Param(); ok && slices.Contains(t.Params, p.Name) {
			for _, f := range needed {
				if t.Forms[f] == "" {
					ps.Add(false, t.File, t.Line(), nil, fmt.Sprintf("%s uses the count {{.%s}} and lacks the plural form %s, which %s needs", t.ID, p.Name, load.FormNames[f], m.Tag))
				}
			}
		}
	}
}

// checkTranslated reports a text of a language not written in Han
// characters that still has Chinese in it, or is zh-CN's own.
func checkTranslated(t, z *load.Text, tag language.Tag, ps *load.Problems) {
	for _, s := range t.Forms {
		if hasChinese(s) {
			ps.Add(false, t.File, t.Line(), nil, fmt.Sprintf("%s: Chinese characters or punctuation left in %s: %q", t.ID, tag, s))
			break
		}
	}
	if t.Forms == z.Forms {
		ps.Add(false, t.File, t.Line(), nil, fmt.Sprintf("%s is the same as zh-CN's: not translated?", t.ID))
	}
}

// checkComplete reports the texts zh-CN has and m lacks, each where it
// belongs in m's files: with the code's other texts, or next to the
// nearest code m has.
func checkComplete(m, zh *load.Locale, ps *load.Problems) {
	for _, e := range m.Table.Entries() {
		missing := m.MissingFields(zh, e.Code)
		switch {
		case len(missing) == 0:
		case m.AnyText(e.Code) != nil:
			t := m.AnyText(e.Code)
			ps.Add(false, t.File, t.TableLine(), nil, fmt.Sprintf("code %d (%s) lacks %s, which zh-CN has", e.Code, e.Name, strings.Join(missing, ", ")))
		default:
			file, line := m.PlaceOfCode(e.Code)
			ps.Add(false, file, line, nil, fmt.Sprintf("code %d (%s) is missing", e.Code, e.Name))
		}
	}
	for c, cat := range m.Table.Categories() {
		if missing := m.MissingCategoryFields(c, zh); len(missing) > 0 {
			file, line := m.PlaceOfCategory(c)
			ps.Add(false, file, line, nil, fmt.Sprintf("category %s lacks %s, which zh-CN has", cat.Key, strings.Join(missing, ", ")))
		}
	}
}

// lintText checks one text of a locale on its own.
func lintText(t *load.Text, tag language.Tag, ps *load.Problems) {
	if t.Empty() {
		ps.Add(false, t.File, t.Line(), nil, t.ID+" is empty")
		return
	}
	for f, s := range t.Forms {
		if s == "" {
			continue
		}
		name := t.ID
		if t.Plural() {
			name += " (" + load.FormNames[f] + ")"
		}
		if s != strings.TrimSpace(s) {
			ps.Add(false, t.File, t.LineOf(f), nil, name+" has leading or trailing white space")
		}
		checkRegionalWords(t, f, name, tag, ps)
		if t.Field == load.FieldUser {
			if term := internalTerms().FindString(s); term != "" {
				ps.Add(false, t.File, t.LineOf(f), nil, fmt.Sprintf("%s shows the end user the internal term %q", name, term))
			}
			checkUserText(t, plural.Form(f), name, tag, ps)
		}
	}
}

// A user text is read in a toast on a small phone: about 100 characters
// of English, 40 of Chinese (or Japanese, Korean), as rendered with the
// default parameters.
const (
	maxUserText    = 100
	maxUserTextHan = 40
)

// checkUserText checks form f of a user text: short enough for a toast,
// and silent about limits (see messages.Param.Limit).
func checkUserText(t *load.Text, f plural.Form, name string, tag language.Tag, ps *load.Problems) {
	s := t.RenderForm(f, t.Defaults())
	limit := maxUserText
	if usesHan(tag) {
		limit = maxUserTextHan
	}
	if n := utf8.RuneCountInString(s); n > limit {
		ps.Add(false, t.File, t.LineOf(int(f)), nil, fmt.Sprintf("%s is %d characters long; a toast on a small phone shows about %d", name, n, limit))
	}
	p, ok := t.Param()
	if !ok || !p.Limit {
		return
	}
	if slices.Contains(t.Params, p.Name) || strings.IndexFunc(t.Forms[f], unicode.IsDigit) >= 0 {
		ps.Add(false, t.File, t.LineOf(int(f)), nil, fmt.Sprintf("%s states the limit %s, which helps someone abusing the service; keep it in the operator texts", name, p.Name))
	}
}

// neededForms returns the plural forms a language uses for whole numbers.
func neededForms(tag language.Tag) []plural.Form {
	var forms []plural.Form
	for n := range 1001 {
		f := plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)
		if !slices.Contains(forms, f) {
			forms = append(forms, f)
		}
	}
	slices.Sort(forms)
	return forms
}

func fieldList(params []string) string {
	if len(params) == 0 {
		return "no parameter"
	}
	return "{{." + strings.Join(params, "}}, {{.") + "}}"
}

// usesHan reports whether a language is written with Han characters, so
// that they are no sign of text left untranslated: Chinese, Japanese, and
// Korean where it is written with Hanja.
func usesHan(tag language.Tag) bool {
	if load.IsChinese(load.BaseOf(tag)) {
		return true
	}
	s, _ := tag.Script()
	switch s.String() {
	case "Hani", "Hans", "Hant", "Jpan", "Kore":
		return true
	}
	return false
}

// hasChinese reports whether s has Han characters or full-width
// punctuation.
func hasChinese(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || strings.ContainsRune("，。：；！？（）“”、《》【】", r) {
			return true
		}
	}
	return false
}
