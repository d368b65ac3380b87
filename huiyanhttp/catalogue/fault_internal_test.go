package catalogue

import (
	"errors"
	"strings"
	"testing"

	"github.com/huiyan-i18n/huiyan"
)

// faulty serves the embedded catalogue with a fault that a test sets,
// as a Watcher's Err does while a bad edit stands and after it is fixed.
type faulty struct {
	huiyan.Localizer
	err func() error
}

func (f *faulty) Err() error { return f.err() }

// TestFaultFollowsErr changes the fault while the catalogue stays the
// same: the banner shows the fault that stands, and none once it is
// gone; while one stands, the pages are not built again.
func TestFaultFollowsErr(t *testing.T) {
	l := &faulty{Localizer: huiyan.Default()}
	h := New(l).(*handler)
	steps := []struct {
		name   string
		err    func() error
		banner string // "" for none
	}{
		{"no fault", func() error { return nil }, ""},
		{"a fault", func() error { return errors.New("huiyan: first fault") }, "first fault"},
		{"another fault", func() error { return errors.New("huiyan: second fault") }, "second fault"},
		{"the fault fixed", func() error { return nil }, ""},
		{"a fault again", func() error { return errors.New("huiyan: third fault") }, "third fault"},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			l.err = st.err
			page := body(t, get(t, h, "/?lang=en-US"))
			got := strings.Contains(page, `class="fault"`)
			if got != (st.banner != "") || !strings.Contains(page, st.banner) {
				t.Errorf("banner %v, want %q", got, st.banner)
			}
			if s := h.snapshot(); s != h.snapshot() {
				t.Error("the same fault, asked again, makes a new snapshot")
			}
		})
	}
}
