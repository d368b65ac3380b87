package huiyan

import (
	"errors"
	"fmt"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/huiyan-i18n/huiyan/internal/load"
	"github.com/huiyan-i18n/huiyan/messages"
)

// A bundle renders texts itself (see render.go); these checks keep it
// rendering them exactly as go-i18n does, for the shipped files here and
// for any file in FuzzLoad.

// TestRendersAsGoI18n checks the shipped texts that insert parameters or
// have plural forms.
func TestRendersAsGoI18n(t *testing.T) {
	if err := rendersAsGoI18n(load.Layers(nil)); err != nil {
		t.Fatal(err)
	}
}

// rendersAsGoI18n loads the layers into go-i18n as well, and checks that
// go-i18n renders every text that is a template as the bundle does, from
// the text's own locale. Plain texts are their own rendering.
func rendersAsGoI18n(layers []load.Layer) error {
	l := load.Load(messages.Huiyan, layers)
	if l.Problems.Err() != nil {
		return nil // nothing loads: nothing to compare
	}
	ms := l.Locales
	ib := i18n.NewBundle(load.CanonicalTag)
	var templated [][]*load.Text
	for _, m := range ms {
		var ts []*i18n.Message
		var own []*load.Text
		for _, t := range m.Texts {
			if t.Params != nil || t.Plural() {
				ts = append(ts, t.Msg)
				own = append(own, t)
			}
		}
		if err := ib.AddMessages(m.Tag, ts...); err != nil {
			return fmt.Errorf("go-i18n cannot load locale %s: %v", m.Tag, err)
		}
		templated = append(templated, own)
	}
	for li, ts := range templated {
		tag := ms[li].Tag
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
func agree(lz *i18n.Localizer, tag language.Tag, t *load.Text) error {
	v := load.Values{Code: int(t.Code)}
	data := map[string]any{load.CodeParam: v.Code}
	var count any
	if p, ok := t.Param(); ok {
		v.Name, v.Count = p.Name, p.Default
		data[p.Name], count = p.Default, p.Default
	}
	if t.IsCat {
		v.Code = 1234 // a code outside the catalogue
		data[load.CodeParam] = v.Code
	}
	s, served, err := lz.LocalizeWithTag(&i18n.LocalizeConfig{MessageID: t.ID, TemplateData: data, PluralCount: count})
	var notFound *i18n.MessageNotFoundErr
	if err != nil && (!errors.As(err, &notFound) || s == "") {
		return fmt.Errorf("%s:%d: %s: go-i18n: %v", t.File, t.Line(), t.ID, err)
	}
	if served != tag || s != t.Render(tag, v) {
		return fmt.Errorf("%s of %s: go-i18n renders %q from %s, huiyan %q", t.ID, tag, s, served, t.Render(tag, v))
	}
	return nil
}
