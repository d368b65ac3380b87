package huiyan

import (
	"strings"
	"testing"
)

// TestReloadSteps checks what Reload serves through a deployment's edits:
// the same *Bundle while nothing changed, the new texts after an edit,
// the last good catalogue while the directory is broken (and after an
// edit that leaves it broken), and the fix.
func TestReloadSteps(t *testing.T) {
	_, en, w := startWatch(t, WatchOptions{})
	steps := []struct {
		name     string
		write    string // "" writes nothing
		wantErr  string // "" for none
		wantUser string
		same     bool // the same *Bundle as the step before
	}{
		{"no change", "", "", "Deployment text one.", true},
		{"an edit", "[604]\nuser = \"Deployment text number two.\"\n", "", "Deployment text number two.", false},
		{"no change after an edit", "", "", "Deployment text number two.", true},
		{"a broken file", brokenText, "en-US.toml:3: unknown field \"usr\"", "Deployment text number two.", true},
		{"an edit that leaves it broken", "[604]\nuser = \"Deployment text three.\"\nusr = \"typo\"\n", "en-US.toml:3: unknown field \"usr\"", "Deployment text number two.", true},
		{"no change while broken", "", "en-US.toml:3: unknown field \"usr\"", "Deployment text number two.", true},
		{"the fix", deployText, "", "Deployment text one.", false},
	}
	prev := w.Bundle()
	for _, st := range steps {
		if st.write != "" {
			writeAtomic(t, en, st.write)
		}
		err := w.Reload()
		switch {
		case st.wantErr == "" && err != nil:
			t.Errorf("%s: Reload() = %v, want nil", st.name, err)
		case st.wantErr != "" && (err == nil || !strings.Contains(err.Error(), st.wantErr)):
			t.Errorf("%s: Reload() = %v, want %q", st.name, err, st.wantErr)
		}
		if got := w.Err(); (got == nil) != (st.wantErr == "") {
			t.Errorf("%s: Err() = %v", st.name, got)
		}
		if got := userText(w); got != st.wantUser {
			t.Errorf("%s: User = %q, want %q", st.name, got, st.wantUser)
		}
		if b := w.Bundle(); (b == prev) != st.same {
			t.Errorf("%s: the same bundle: %v, want %v", st.name, b == prev, st.same)
		}
		prev = w.Bundle()
	}
}
