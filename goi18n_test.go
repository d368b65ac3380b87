package huiyan

import (
	"errors"
	"fmt"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// A bundle renders texts itself (see render.go); these checks keep it
// rendering them exactly as go-i18n does, for the shipped files here and
// for any file in FuzzLoad.

// TestRendersAsGoI18n checks the shipped texts that insert parameters or
// have plural forms.
func TestRendersAsGoI18n(t *testing.T) {
	if err := rendersAsGoI18n(layersOf(nil)); err != nil {
		t.Fatal(err)
	}
}

// rendersAsGoI18n loads the layers into go-i18n as well, and checks that
// go-i18n renders every text that is a template as the bundle does, from
// the text's own locale. Plain texts are their own rendering.
func rendersAsGoI18n(layers []layer) error {
	l := load(layers)
	if l.ps.err() != nil {
		return nil // nothing loads: nothing to compare
	}
	ms := l.locales
	ib := i18n.NewBundle(canonicalTag)
	var templated [][]*text
	for _, m := range ms {
		var ts []*i18n.Message
		var own []*text
		for _, t := range m.texts {
			if t.params != nil || t.plural() {
				ts = append(ts, t.msg)
				own = append(own, t)
			}
		}
		if err := ib.AddMessages(m.tag, ts...); err != nil {
			return fmt.Errorf("go-i18n cannot load locale %s: %v", m.tag, err)
		}
		templated = append(templated, own)
	}
	for li, ts := range templated {
		tag := ms[li].tag
		lz := i18n.NewLocalizer(ib, tag.String())
		for _, t := range ts {
			if err := agree(lz, tag, t); err != nil {
				return err
			}
		}
	}
	return nil
}

// agree checks that go-i18n renders t as huiyan does.
func agree(lz *i18n.Localizer, tag language.Tag, t *text) error {
	v := values{code: int(t.code)}
	data := map[string]any{codeParam: v.code}
	var count any
	if p, ok := t.code.Param(); ok && !t.isCat {
		v.name, v.count = p.Name, p.Default
		data[p.Name], count = p.Default, p.Default
	}
	if t.isCat {
		v.code = 1234 // a code outside the catalogue
		data[codeParam] = v.code
	}
	s, served, err := lz.LocalizeWithTag(&i18n.LocalizeConfig{MessageID: t.id, TemplateData: data, PluralCount: count})
	var notFound *i18n.MessageNotFoundErr
	if err != nil && (!errors.As(err, &notFound) || s == "") {
		return fmt.Errorf("%s:%d: %s: go-i18n: %v", t.file, t.line(), t.id, err)
	}
	if served != tag || s != t.render(tag, v) {
		return fmt.Errorf("%s of %s: go-i18n renders %q from %s, huiyan %q", t.id, tag, s, served, t.render(tag, v))
	}
	return nil
}
