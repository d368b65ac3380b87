package catalogue

// countWords are the page's words about counts, in one language of the
// page (see labels).
type countWords struct {
	Counts      string    // the label of the window control
	Windows     [3]string // by windows: the control's entries
	In          [3]string // by windows: a code's count, with the number
	Total       [3]string // by windows: every code's count, with the number
	AsOf        string    // with the time the counts were asked
	ShareOf     string    // after a code's count: its share of the total
	Count       string    // the column of counts
	Share       string    // the column of shares
	Sort        string    // the label of the sort control
	ByCode      string
	ByCount     string
	Warning     string // before a warning
	Unavailable string
	Stale       string // with the time of the last answer
}

var countWordSets = map[string]*countWords{
	"en": {
		Counts:      "Results",
		Windows:     [...]string{"last hour", "last day", "last week"},
		In:          [...]string{"%s in the last hour", "%s in the last day", "%s in the last week"},
		Total:       [...]string{"%s results in the last hour", "%s results in the last day", "%s results in the last week"},
		AsOf:        "as of %s",
		ShareOf:     ", %s of all",
		Count:       "Count",
		Share:       "Share",
		Sort:        "Sort",
		ByCode:      "by code",
		ByCount:     "by count",
		Warning:     "Warning:",
		Unavailable: "The counts are unavailable: Prometheus did not answer. The catalogue is shown without them.",
		Stale:       "Prometheus is not answering: these counts are its last answer, as of %s.",
	},
	"zh-Hans": {
		Counts:      "出现次数",
		Windows:     [...]string{"最近一小时", "最近一天", "最近一周"},
		In:          [...]string{"最近一小时 %s 次", "最近一天 %s 次", "最近一周 %s 次"},
		Total:       [...]string{"最近一小时共 %s 次", "最近一天共 %s 次", "最近一周共 %s 次"},
		AsOf:        "截至 %s",
		ShareOf:     "，占全部的 %s",
		Count:       "次数",
		Share:       "占比",
		Sort:        "排序",
		ByCode:      "按错误码",
		ByCount:     "按次数",
		Warning:     "注意：",
		Unavailable: "暂时无法显示次数：Prometheus 没有回应。错误码目录照常显示，不含次数。",
		Stale:       "Prometheus 没有回应：以下是它最后一次给出的次数，截至 %s。",
	},
	"zh-Hant": {
		Counts:      "出現次數",
		Windows:     [...]string{"最近一小時", "最近一天", "最近一週"},
		In:          [...]string{"最近一小時 %s 次", "最近一天 %s 次", "最近一週 %s 次"},
		Total:       [...]string{"最近一小時共 %s 次", "最近一天共 %s 次", "最近一週共 %s 次"},
		AsOf:        "截至 %s",
		ShareOf:     "，佔全部的 %s",
		Count:       "次數",
		Share:       "佔比",
		Sort:        "排序",
		ByCode:      "依錯誤碼",
		ByCount:     "依次數",
		Warning:     "注意：",
		Unavailable: "暫時無法顯示次數：Prometheus 沒有回應。錯誤碼目錄照常顯示，不含次數。",
		Stale:       "Prometheus 沒有回應：以下是它最後一次給出的次數，截至 %s。",
	},
}

// countWordsFor returns the words about counts in the language of l.
func countWordsFor(l *labels) *countWords {
	if w, ok := countWordSets[l.Lang]; ok {
		return w
	}
	return countWordSets["en"]
}
