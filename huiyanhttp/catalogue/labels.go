package catalogue

import (
	"golang.org/x/text/language"

	"github.com/huiyan-i18n/huiyan/messages"
)

// labels are the page's own words in one language. The page speaks
// English, Simplified or Traditional Chinese: the languages of the people
// who run Huiyan integrations. The texts it shows come from the locales.
type labels struct {
	Lang              string // BCP 47 tag of these words
	Heading           string
	Placeholder       string
	Search            string
	AllCategories     string
	Category          string
	Language          string
	SideBySide        string
	User              string
	Title             string
	Detail            string
	Remedy            string
	Retryable         string
	Unknown           string
	UnknownNote       string // with the code
	Count             string // with the number of codes
	Matches           string // with the codes shown and the number of codes
	NoMatch           string
	Clear             string
	Back              string
	Link              string
	Fault             string
	FallbackFrom      string // with the locale that served the text
	Skip              string
	UnknownCategory   string // with the value asked for, cut
	NotCodeHeading    string
	NotCode           string
	OutOfRangeHeading string
	OutOfRange        string
	NotFoundHeading   string
	NotFound          string
	MethodHeading     string
	Method            string
	FailedHeading     string
	Failed            string
	View              string // the label of the view control
	Full              string // a card per code
	Compact           string // a row per code
	Code              string // the compact list's columns
	Name              string
	categories        [7]string // by messages.Category
}

// categoryName returns the name of c in these words.
func (l *labels) categoryName(c messages.Category) string {
	if c < 0 || int(c) >= len(l.categories) {
		return c.String()
	}
	return l.categories[c]
}

var english = labels{
	Lang:              "en",
	Heading:           "Huiyan error codes",
	Placeholder:       "Code, name or words",
	Search:            "Search",
	AllCategories:     "All categories",
	Category:          "Category",
	Language:          "Language",
	SideBySide:        "All side by side",
	User:              "End user",
	Title:             "Title",
	Detail:            "Detail",
	Remedy:            "Remedy",
	Retryable:         "user can retry",
	Unknown:           "not in the catalogue",
	UnknownNote:       "Code %d is not in the catalogue: these are the texts of its category.",
	Count:             "%d codes",
	Matches:           "%d of %d codes",
	NoMatch:           "No code matches.",
	Clear:             "Show all",
	Back:              "All codes",
	Link:              "Link",
	Fault:             "The locale files have a fault. The previous texts keep serving until it is fixed.",
	FallbackFrom:      "from %s",
	Skip:              "Skip to the codes",
	UnknownCategory:   "“%s” is not a category: every category is shown. Choose one from the list above.",
	NotCodeHeading:    "Not a code",
	OutOfRangeHeading: "Code out of range",
	OutOfRange:        "This number is out of range: it is too large to be a code. Huiyan codes are small integers, such as 655.",
	NotFoundHeading:   "Page not found",
	MethodHeading:     "Method not allowed",
	Method:            "This page can only be read (GET or HEAD): it takes no form or upload.",
	FailedHeading:     "Something went wrong",
	NotCode:           "This is not a code: a code is an integer, such as 655.",
	NotFound:          "There is no such page.",
	Failed:            "The page could not be shown; the server's log says why.",
	View:              "View",
	Full:              "Full",
	Compact:           "Compact",
	Code:              "Code",
	Name:              "Name",
	categories: [...]string{
		messages.General:          "General",
		messages.SMS:              "SMS",
		messages.IDCardOCR:        "ID card OCR",
		messages.Liveness:         "Liveness",
		messages.IdentityDatabase: "Identity database",
		messages.ImageComparison:  "Image comparison",
		messages.WeChatRealName:   "WeChat real name",
	},
}

var simplified = labels{
	Lang:              "zh-Hans",
	Heading:           "慧眼错误码",
	Placeholder:       "错误码、名称或关键词",
	Search:            "搜索",
	AllCategories:     "全部类别",
	Category:          "类别",
	Language:          "语言",
	SideBySide:        "全部对照",
	User:              "用户提示",
	Title:             "错误描述",
	Detail:            "说明",
	Remedy:            "解决方案",
	Retryable:         "用户可重试",
	Unknown:           "不在目录中",
	UnknownNote:       "错误码 %d 不在目录中，以下是其类别的文案。",
	Count:             "共 %d 个错误码",
	Matches:           "%d 个，共 %d 个错误码",
	NoMatch:           "没有匹配的错误码。",
	Clear:             "显示全部",
	Back:              "全部错误码",
	Link:              "链接",
	Fault:             "语言文件有错误。修正之前，继续使用之前的文案。",
	FallbackFrom:      "取自 %s",
	Skip:              "跳到错误码",
	UnknownCategory:   "“%s”不是类别，已显示全部类别。请从上方列表中选择。",
	NotCodeHeading:    "不是错误码",
	OutOfRangeHeading: "错误码超出范围",
	OutOfRange:        "这个数字超出范围，太大了，不可能是错误码。慧眼错误码是较小的整数，例如 655。",
	NotFoundHeading:   "找不到页面",
	MethodHeading:     "不允许的请求方法",
	Method:            "此页面只能读取（GET 或 HEAD），不接受表单提交或上传。",
	FailedHeading:     "出错了",
	NotCode:           "这不是错误码：错误码是整数，例如 655。",
	NotFound:          "没有这个页面。",
	Failed:            "页面无法显示，原因见服务器日志。",
	View:              "视图",
	Full:              "完整",
	Compact:           "精简",
	Code:              "错误码",
	Name:              "名称",
	categories: [...]string{
		messages.General:          "通用",
		messages.SMS:              "短信验证",
		messages.IDCardOCR:        "身份证识别",
		messages.Liveness:         "活体检测",
		messages.IdentityDatabase: "权威库核验",
		messages.ImageComparison:  "人脸比对",
		messages.WeChatRealName:   "微信实名",
	},
}

var traditional = labels{
	Lang:              "zh-Hant",
	Heading:           "慧眼錯誤碼",
	Placeholder:       "錯誤碼、名稱或關鍵字",
	Search:            "搜尋",
	AllCategories:     "全部類別",
	Category:          "類別",
	Language:          "語言",
	SideBySide:        "全部對照",
	User:              "使用者提示",
	Title:             "錯誤描述",
	Detail:            "說明",
	Remedy:            "解決方案",
	Retryable:         "使用者可重試",
	Unknown:           "不在目錄中",
	UnknownNote:       "錯誤碼 %d 不在目錄中，以下是其類別的文案。",
	Count:             "共 %d 個錯誤碼",
	Matches:           "%d 個，共 %d 個錯誤碼",
	NoMatch:           "沒有符合的錯誤碼。",
	Clear:             "顯示全部",
	Back:              "全部錯誤碼",
	Link:              "連結",
	Fault:             "語言檔有錯誤。修正之前，繼續使用先前的文案。",
	FallbackFrom:      "取自 %s",
	Skip:              "跳到錯誤碼",
	UnknownCategory:   "「%s」不是類別，已顯示全部類別。請從上方清單中選擇。",
	NotCodeHeading:    "不是錯誤碼",
	OutOfRangeHeading: "錯誤碼超出範圍",
	OutOfRange:        "這個數字超出範圍，太大了，不可能是錯誤碼。慧眼錯誤碼是較小的整數，例如 655。",
	NotFoundHeading:   "找不到頁面",
	MethodHeading:     "不允許的請求方法",
	Method:            "此頁面只能讀取（GET 或 HEAD），不接受表單提交或上傳。",
	FailedHeading:     "發生錯誤",
	NotCode:           "這不是錯誤碼：錯誤碼是整數，例如 655。",
	NotFound:          "沒有這個頁面。",
	Failed:            "頁面無法顯示，原因見伺服器日誌。",
	View:              "檢視",
	Full:              "完整",
	Compact:           "精簡",
	Code:              "錯誤碼",
	Name:              "名稱",
	categories: [...]string{
		messages.General:          "通用",
		messages.SMS:              "簡訊驗證",
		messages.IDCardOCR:        "身分證識別",
		messages.Liveness:         "活體檢測",
		messages.IdentityDatabase: "權威庫核驗",
		messages.ImageComparison:  "人臉比對",
		messages.WeChatRealName:   "微信實名",
	},
}

// labelSets are every language the page speaks; a search matches a
// category by its name in any of them.
var labelSets = []*labels{&english, &simplified, &traditional}

var (
	chinese = language.MustParseBase("zh")
	hant    = language.MustParseScript("Hant")
)

// labelsFor returns the page's words for a locale's tag: Chinese in the
// locale's script, English for any other language.
func labelsFor(tag string) *labels {
	t, err := language.Parse(tag)
	if err != nil {
		return &english
	}
	if base, _ := t.Base(); base != chinese {
		return &english
	}
	if script, _ := t.Script(); script == hant {
		return &traditional
	}
	return &simplified
}
