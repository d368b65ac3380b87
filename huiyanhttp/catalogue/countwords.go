package catalogue

// countWords are the page's words about counts, in one language of the
// page (see labels).
type countWords struct {
	Counts      string    // the label of the window control
	Windows     [3]string // by windows: the control's entries
	In          [3]string // by windows: a card's count, with the number
	Sort        string    // the label of the sort control
	ByCode      string
	ByCount     string
	Unavailable string
}

var countWordSets = map[string]*countWords{
	"en": {
		Counts:      "Results",
		Windows:     [...]string{"last hour", "last day", "last week"},
		In:          [...]string{"%d in the last hour", "%d in the last day", "%d in the last week"},
		Sort:        "Sort",
		ByCode:      "by code",
		ByCount:     "by count",
		Unavailable: "The counts are unavailable: Prometheus could not be reached. The catalogue is shown as ever.",
	},
	"zh-Hans": {
		Counts:      "出现次数",
		Windows:     [...]string{"最近一小时", "最近一天", "最近一周"},
		In:          [...]string{"最近一小时 %d 次", "最近一天 %d 次", "最近一周 %d 次"},
		Sort:        "排序",
		ByCode:      "按错误码",
		ByCount:     "按次数",
		Unavailable: "暂时无法显示次数：无法连接 Prometheus。错误码目录照常显示。",
	},
	"zh-Hant": {
		Counts:      "出現次數",
		Windows:     [...]string{"最近一小時", "最近一天", "最近一週"},
		In:          [...]string{"最近一小時 %d 次", "最近一天 %d 次", "最近一週 %d 次"},
		Sort:        "排序",
		ByCode:      "依錯誤碼",
		ByCount:     "依次數",
		Unavailable: "暫時無法顯示次數：無法連線至 Prometheus。錯誤碼目錄照常顯示。",
	},
}

// countWordsFor returns the words about counts in the language of l.
func countWordsFor(l *labels) *countWords {
	if w, ok := countWordSets[l.Lang]; ok {
		return w
	}
	return countWordSets["en"]
}
