package huiyan_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/messages"
)

// TestWriteAnswers writes, for scripts/compare-answers, the answer of
// every language value of HUIYAN_ANSWERS_VALUES (one a line, in Go quotes)
// for every code of the catalogue and a few outside it: the locale that
// serves each value, and each message's code, known, lang, texts. Run on
// two commits, the files tell whether a change of the code changed an
// answer. Without HUIYAN_ANSWERS the test does nothing.
func TestWriteAnswers(t *testing.T) {
	out := os.Getenv("HUIYAN_ANSWERS")
	if out == "" {
		t.Skip("for scripts/compare-answers")
	}
	in, err := os.Open(os.Getenv("HUIYAN_ANSWERS_VALUES"))
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	codes := append(messages.All(), -1, 6, 699, 1001)
	b := huiyan.Default()
	sc := bufio.NewScanner(in)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		lang, err := strconv.Unquote(sc.Text())
		if err != nil {
			t.Fatalf("%q: %v", sc.Text(), err)
		}
		fmt.Fprintf(w, "%q\t%s\n", lang, b.Match(lang))
		for _, c := range codes {
			m := b.Localize(c, lang)
			j, _ := json.Marshal([]any{m.Code, m.Known, m.Lang, m.User, m.Title, m.Detail, m.Remedy})
			fmt.Fprintf(w, "%q\t%d\t%s\n", lang, c, j)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestWriteValues writes, for scripts/compare-answers, the realistic
// headers the benchmarks use, one a line in Go quotes, to
// HUIYAN_VALUES_OUT.
func TestWriteValues(t *testing.T) {
	out := os.Getenv("HUIYAN_VALUES_OUT")
	if out == "" {
		t.Skip("for scripts/compare-answers")
	}
	var sb strings.Builder
	for _, h := range huiyan.RealisticHeaders(2000) {
		sb.WriteString(strconv.Quote(h) + "\n")
	}
	if err := os.WriteFile(out, []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
