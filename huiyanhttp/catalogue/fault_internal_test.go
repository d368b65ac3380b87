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
	huiyan.Source
	err func() error
}

func (f *faulty) Err() error { return f.err() }

// TestFaultFollowsErr changes the fault while the catalogue stays the
// same: the banner shows the fault that stands, and none once it is
// gone; while one stands, the pages are not built again.
func TestFaultFollowsErr(t *testing.T) {
	l := &faulty{Source: huiyan.Default()}
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

// manyFaults returns an error that holds n problems of locale files.
func manyFaults(n int) error {
	var errs []error
	for i := range n {
		errs = append(errs, &huiyan.FileError{File: "en-US.toml", Line: i + 1, Msg: "bad"})
	}
	return errors.Join(errs...)
}

// TestFaultBannerBounded lists at most maxFaults problems, and says how
// many more there are.
func TestFaultBannerBounded(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		listed int
		more   string // "" for none
	}{
		{"one", manyFaults(1), 1, ""},
		{"exactly maxFaults", manyFaults(maxFaults), maxFaults, ""},
		{"five more", manyFaults(maxFaults + 5), maxFaults, "<li>… +5</li>"},
		{"an error that is no file's", errors.New("huiyan: no locale files"), 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := New(&faulty{Source: huiyan.Default(), err: func() error { return tt.err }})
			page := body(t, get(t, h, "/?lang=en-US"))
			if n := strings.Count(page, "<code>en-US.toml:") + strings.Count(page, "no locale files"); n != tt.listed {
				t.Errorf("%d problems listed, want %d", n, tt.listed)
			}
			if got := strings.Contains(page, "<li>… +"); got != (tt.more != "") || !strings.Contains(page, tt.more) {
				t.Errorf("the banner says more: %v, want %q", got, tt.more)
			}
		})
	}
}
