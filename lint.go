package huiyan

import (
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"unicode"

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
}

// Lint checks locale files as [NewBundle] loads them, and also reports
// what loads but needs a translator's attention. What Lint reports no
// problem for loads; every reason NewBundle fails is among its problems.
func Lint(fsys ...fs.FS) *Report {
	ms, ps := loadLint(layersOf(fsys))
	r := &Report{}
	for i := range ps {
		r.Problems = append(r.Problems, &ps[i])
	}
	if len(ms) == 0 || ms[0].tag != canonicalTag {
		return r
	}
	for _, m := range ms {
		st := LocaleStatus{Lang: m.tag.String(), Codes: len(messages.All())}
		for _, c := range messages.All() {
			if len(missingFields(m, ms[0], c)) == 0 {
				st.Complete++
			}
		}
		r.Locales = append(r.Locales, st)
	}
	return r
}

// loadLint loads the layers and runs every check, sorting the problems.
func loadLint(layers []layer) ([]*mergedLocale, problems) {
	_, ps, ms := load(layers, true)
	compare(ms, &ps)
	return ms, ps.sorted()
}

// missingFields returns the fields of code c that m lacks: those zh-CN
// has, or for zh-CN itself those it must have.
func missingFields(m, zh *mergedLocale, c messages.Code) []string {
	var missing []string
	for f := range numFields {
		id := textID(c, f)
		required := zh.texts[id] != nil
		if m == zh {
			required = f == fieldUser || f == fieldTitle
		}
		if required && m.texts[id] == nil {
			missing = append(missing, fieldNames[f])
		}
	}
	return missing
}

// internalTerms are words that mean nothing to the person holding the
// phone, and must not appear in user texts.
var internalTerms = regexp.MustCompile(`(?i)\b(signature|appid|app id|biztoken|token|cgi|sdk|api|ocr|auth|1v1|url|threshold|engine)\b|接口|引擎|内网|证照库|阈值|截帧|签名|参数`)

// compare adds the problems of locales measured against zh-CN that do not
// stop a bundle from loading.
func compare(ms []*mergedLocale, ps *problems) {
	if len(ms) == 0 || ms[0].tag != canonicalTag {
		return
	}
	zh := ms[0]
	for _, m := range ms[1:] {
		compareTexts(m, zh, ps)
		checkComplete(m, zh, ps)
	}
}

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
			ps.add(false, t.file, t.line, nil, fmt.Sprintf("%s uses %s, but zh-CN's uses %s", t.id, fieldList(t.params), fieldList(z.params)))
		}
		if !hanScript {
			checkTranslated(t, z, m.tag, ps)
		}
		if p, ok := t.code.Param(); ok && !t.isCat && slices.Contains(t.params, p.Name) {
			for _, f := range needed {
				if t.forms[f] == "" {
					ps.add(false, t.file, t.line, nil, fmt.Sprintf("%s uses the count {{.%s}} and lacks the plural form %s, which %s needs", t.id, p.Name, formNames[f], m.tag))
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
			ps.add(false, t.file, t.line, nil, fmt.Sprintf("%s: Chinese characters or punctuation left in %s: %q", t.id, tag, s))
			break
		}
	}
	if t.forms == z.forms {
		ps.add(false, t.file, t.line, nil, fmt.Sprintf("%s is the same as zh-CN's: not translated?", t.id))
	}
}

// checkComplete reports the texts zh-CN has and m lacks.
func checkComplete(m, zh *mergedLocale, ps *problems) {
	for _, c := range messages.All() {
		missing := missingFields(m, zh, c)
		if len(missing) == 0 {
			continue
		}
		if t := m.anyText(c); t != nil {
			ps.add(false, t.file, t.line, nil, fmt.Sprintf("code %d (%s) lacks %s, which zh-CN has", c, c, strings.Join(missing, ", ")))
		} else {
			ps.add(false, m.file, 0, nil, fmt.Sprintf("code %d (%s) is missing", c, c))
		}
	}
	for _, c := range messages.Categories() {
		for f := range numFields {
			if m.texts[categoryID(c, f)] == nil && zh.texts[categoryID(c, f)] != nil {
				ps.add(false, m.file, 0, nil, fmt.Sprintf("category %s lacks %s, which zh-CN has", c, fieldNames[f]))
			}
		}
	}
}

// lintText checks one text on its own.
func lintText(t *text, ps *problems) {
	if t.empty() {
		ps.add(false, t.file, t.line, nil, t.id+" is empty")
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
		if t.field == fieldUser {
			if term := internalTerms.FindString(s); term != "" {
				ps.add(false, t.file, t.lineOf(f), nil, fmt.Sprintf("%s shows the end user the internal term %q", name, term))
			}
		}
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

func baseOf(tag language.Tag) language.Base {
	b, _, _ := tag.Raw()
	return b
}

// ownTexts returns the locale's texts in file and line order.
func (m *mergedLocale) ownTexts() []*text {
	ts := make([]*text, 0, len(m.texts))
	for _, t := range m.texts {
		ts = append(ts, t)
	}
	slices.SortFunc(ts, func(a, b *text) int {
		if c := strings.Compare(a.file, b.file); c != 0 {
			return c
		}
		return a.line - b.line
	})
	return ts
}

// anyText returns the first text of code c the locale has, or nil.
func (m *mergedLocale) anyText(c messages.Code) *text {
	var first *text
	for f := range numFields {
		if t := m.texts[textID(c, f)]; t != nil && (first == nil || t.line < first.line) {
			first = t
		}
	}
	return first
}
