package huiyan

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

	"github.com/huiyan-i18n/huiyan/messages"
)

// Report is what [Lint] found in a set of locale files.
type Report struct {
	// Problems lists every problem, by file and line. Those that make
	// NewBundle fail come with the others: text left untranslated, missing
	// texts and plural forms, internal terms in user texts, stray white
	// space.
	Problems []*FileError
	// Locales says how complete each locale is, the canonical one first.
	Locales []LocaleStatus
}

// LocaleStatus is the completeness of one locale.
type LocaleStatus struct {
	Lang     string // BCP 47 tag
	Complete int    // codes with their own text for every field zh-CN has
	Codes    int    // codes in the catalogue

	// Partial is true for a locale that only a deployment's layer defines
	// (a file over the shipped ones) and that lacks texts: readers get
	// those from their next language, en-US or zh-CN, by design. Missing
	// then lists what it lacks, which is not in Report.Problems. A locale
	// of a complete catalogue is never partial: what it lacks is in
	// Problems, as advice for its translator.
	Partial bool
	Missing []*FileError
}

// Lint checks locale files as [NewBundle] loads them, and also reports
// what loads but needs a translator's attention. What Lint reports no
// problem for loads; every reason NewBundle fails is among its problems.
func Lint(fsys ...fs.FS) *Report {
	l := load(layersOf(fsys))
	ps := l.ps
	for _, f := range l.files {
		for _, t := range f.texts {
			lintText(t, f.tag, &ps)
		}
	}
	r := &Report{}
	ms := l.locales
	var zh *mergedLocale
	if len(ms) > 0 && ms[0].tag == canonicalTag {
		zh = ms[0]
	}
	for _, m := range ms {
		if zh == nil {
			break
		}
		st := LocaleStatus{Lang: m.tag.String(), Codes: len(messages.All())}
		for _, c := range messages.All() {
			if len(m.missingFields(zh, c)) == 0 {
				st.Complete++
			}
		}
		if m == zh {
			r.Locales = append(r.Locales, st)
			continue
		}
		compareTexts(m, zh, &ps)
		var missing problems
		checkComplete(m, zh, &missing)
		st.Partial = m.layer > 0 && len(missing) > 0
		if st.Partial {
			for i := range missing.sorted() {
				st.Missing = append(st.Missing, &missing[i])
			}
		} else {
			ps = append(ps, missing...)
		}
		r.Locales = append(r.Locales, st)
	}
	ps = ps.sorted()
	for i := range ps {
		r.Problems = append(r.Problems, &ps[i])
	}
	return r
}

// internalTerms are words that mean nothing to the person holding the
// phone, and must not appear in user texts; compiled on first use, so
// that a program that never lints does not pay for them when it starts.
var internalTerms = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(signature|appid|app id|biztoken|token|cgi|sdk|api|ocr|auth|1v1|url|threshold|engine)\b|接口|引擎|内网|证照库|阈值|截帧|签名|参数`)
})

// compareTexts checks each text of m against zh-CN's: the same
// parameters, translated, with the plural forms m's language needs.
func compareTexts(m, zh *mergedLocale, ps *problems) {
	hanScript := usesHan(m.tag)
	needed := neededForms(m.tag)
	for _, t := range m.ownTexts() {
		z := zh.texts[t.id]
		if z == nil {
			continue // not a text of zh-CN: identify reported it
		}
		if !slices.Equal(t.params, z.params) {
			ps.add(false, t.file, t.line(), nil, fmt.Sprintf("%s uses %s, but zh-CN's uses %s", t.id, fieldList(t.params), fieldList(z.params)))
		}
		if !hanScript {
			checkTranslated(t, z, m.tag, ps)
		}
		if p, ok := t.code.Param(); ok && !t.isCat && slices.Contains(t.params, p.Name) {
			for _, f := range needed {
				if t.forms[f] == "" {
					ps.add(false, t.file, t.line(), nil, fmt.Sprintf("%s uses the count {{.%s}} and lacks the plural form %s, which %s needs", t.id, p.Name, formNames[f], m.tag))
				}
			}
		}
	}
}

// checkTranslated reports a text of a language not written in Han
// characters that still has Chinese in it, or is zh-CN's own.
func checkTranslated(t, z *text, tag language.Tag, ps *problems) {
	for _, s := range t.forms {
		if hasChinese(s) {
			ps.add(false, t.file, t.line(), nil, fmt.Sprintf("%s: Chinese characters or punctuation left in %s: %q", t.id, tag, s))
			break
		}
	}
	if t.forms == z.forms {
		ps.add(false, t.file, t.line(), nil, fmt.Sprintf("%s is the same as zh-CN's: not translated?", t.id))
	}
}

// checkComplete reports the texts zh-CN has and m lacks, each where it
// belongs in m's files: with the code's other texts, or next to the
// nearest code m has.
func checkComplete(m, zh *mergedLocale, ps *problems) {
	for _, c := range messages.All() {
		missing := m.missingFields(zh, c)
		switch {
		case len(missing) == 0:
		case m.anyText(c) != nil:
			t := m.anyText(c)
			ps.add(false, t.file, t.tableLine(), nil, fmt.Sprintf("code %d (%s) lacks %s, which zh-CN has", c, c, strings.Join(missing, ", ")))
		default:
			file, line := m.placeOfCode(c)
			ps.add(false, file, line, nil, fmt.Sprintf("code %d (%s) is missing", c, c))
		}
	}
	for _, c := range messages.Categories() {
		if missing := m.missingCategoryFields(c, zh); len(missing) > 0 {
			file, line := m.placeOfCategory(c)
			ps.add(false, file, line, nil, fmt.Sprintf("category %s lacks %s, which zh-CN has", c, strings.Join(missing, ", ")))
		}
	}
}

// lintText checks one text of a locale on its own.
func lintText(t *text, tag language.Tag, ps *problems) {
	if t.empty() {
		ps.add(false, t.file, t.line(), nil, t.id+" is empty")
		return
	}
	for f, s := range t.forms {
		if s == "" {
			continue
		}
		name := t.id
		if t.plural() {
			name += " (" + formNames[f] + ")"
		}
		if s != strings.TrimSpace(s) {
			ps.add(false, t.file, t.lineOf(f), nil, name+" has leading or trailing white space")
		}
		checkRegionalWords(t, f, name, tag, ps)
		if t.field == fieldUser {
			if term := internalTerms().FindString(s); term != "" {
				ps.add(false, t.file, t.lineOf(f), nil, fmt.Sprintf("%s shows the end user the internal term %q", name, term))
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
func checkUserText(t *text, f plural.Form, name string, tag language.Tag, ps *problems) {
	v := defaults(t.code)
	if t.isCat {
		v = values{code: 1234} // a code outside the catalogue
	}
	s := t.renderForm(f, v)
	limit := maxUserText
	if usesHan(tag) {
		limit = maxUserTextHan
	}
	if n := utf8.RuneCountInString(s); n > limit {
		ps.add(false, t.file, t.lineOf(int(f)), nil, fmt.Sprintf("%s is %d characters long; a toast on a small phone shows about %d", name, n, limit))
	}
	p, ok := t.code.Param()
	if !ok || !p.Limit || t.isCat {
		return
	}
	if slices.Contains(t.params, p.Name) || strings.IndexFunc(t.forms[f], unicode.IsDigit) >= 0 {
		ps.add(false, t.file, t.lineOf(int(f)), nil, fmt.Sprintf("%s states the limit %s, which helps someone abusing the service; keep it in the operator texts", name, p.Name))
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
	if isChinese(baseOf(tag)) {
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
