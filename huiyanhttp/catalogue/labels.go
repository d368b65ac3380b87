package catalogue

import (
	"golang.org/x/text/language"

	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/messages"
)

// labels are the page's own words in one language. The page speaks
// English, Simplified or Traditional Chinese: the languages of the people
// who run Huiyan integrations. The texts it shows come from the locales.
type labels struct {
	Lang              string // BCP 47 tag of these words
	Tables            string // the label of the table switch
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
	MatchesIn         string // with a table's name, its codes shown and its number of codes
	Also              string // with the other table's name and the code
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
	NotTableHeading   string
	NotTable          string
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
	Billed            string    // the column of whether a result is billed (是否收费)
	Yes, No           string    // its values
	BilledTag         [2]string // a card's words for it: not billed, billed
	tables            map[string]tableWords
}

// tableWords are the page's words for one table.
type tableWords struct {
	Name       string   // the table's name, the heading of its list
	Short      string   // its name in the switch and on a card of a search
	About      string   // in the switch, under Short: what the table is
	categories []string // by position in the table's Categories
}

// table returns the words for t.
func (l *labels) table(t *table) tableWords { return l.tables[t.Name()] }

// categoryName returns the name of t's category cat in these words.
func (l *labels) categoryName(t *table, cat int) string {
	if names := l.table(t).categories; cat >= 0 && cat < len(names) {
		return names[cat]
	}
	return t.Categories()[cat].Key
}

var english = labels{
	Lang:              "en",
	Tables:            "Table",
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
	MatchesIn:         "%s: %d of %d",
	Also:              "%[2]d is also one of the %[1]s:",
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
	OutOfRange:        "This number is out of range: it is too large to be a code. Codes are small integers, such as 655.",
	NotTableHeading:   "No such table",
	NotTable:          "There is no such table of codes. Choose one of the tables above.",
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
	Billed:            "Billed",
	Yes:               "yes",
	No:                "no",
	BilledTag:         [2]string{"not billed", "billed"},
	tables: map[string]tableWords{
		"huiyan": {Name: "Huiyan error codes", Short: "Huiyan", About: "mini-program SDK", categories: []string{
			messages.General:          "General",
			messages.SMS:              "SMS",
			messages.IDCardOCR:        "ID card OCR",
			messages.Liveness:         "Liveness",
			messages.IdentityDatabase: "Identity database",
			messages.ImageComparison:  "Image comparison",
			messages.WeChatRealName:   "WeChat real name",
		}},
		"faceid": {Name: "FaceID result codes", Short: "FaceID", About: "API result codes", categories: []string{
			faceid.System:          "System",
			faceid.WeChat:          "WeChat",
			faceid.IDCard:          "ID card",
			faceid.Liveness:        "Liveness",
			faceid.LivenessNumber:  "Liveness: numbers",
			faceid.LivenessAction:  "Liveness: actions",
			faceid.ImageComparison: "Image comparison",
		}},
	},
}

var simplified = labels{
	Lang:              "zh-Hans",
	Tables:            "码表",
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
	MatchesIn:         "%s：%d 个，共 %d 个",
	Also:              "%[1]s中也有 %[2]d：",
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
	OutOfRange:        "这个数字超出范围，太大了，不可能是错误码。错误码是较小的整数，例如 655。",
	NotTableHeading:   "没有这个码表",
	NotTable:          "没有这个码表。请从上方选择一个码表。",
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
	Billed:            "是否收费",
	Yes:               "是",
	No:                "否",
	BilledTag:         [2]string{"不收费", "收费"},
	tables: map[string]tableWords{
		"huiyan": {Name: "慧眼错误码", Short: "慧眼", About: "小程序 SDK 错误码", categories: []string{
			messages.General:          "通用",
			messages.SMS:              "短信验证",
			messages.IDCardOCR:        "身份证识别",
			messages.Liveness:         "活体检测",
			messages.IdentityDatabase: "权威库核验",
			messages.ImageComparison:  "人脸比对",
			messages.WeChatRealName:   "微信实名",
		}},
		"faceid": {Name: "人脸核身返回码", Short: "人脸核身", About: "FaceID API 返回码", categories: []string{
			faceid.System:          "系统",
			faceid.WeChat:          "微信相关",
			faceid.IDCard:          "身份证",
			faceid.Liveness:        "活体通用",
			faceid.LivenessNumber:  "数字活体",
			faceid.LivenessAction:  "动作活体",
			faceid.ImageComparison: "证件图像比对",
		}},
	},
}

var traditional = labels{
	Lang:              "zh-Hant",
	Tables:            "碼表",
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
	MatchesIn:         "%s：%d 個，共 %d 個",
	Also:              "%[1]s中也有 %[2]d：",
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
	OutOfRange:        "這個數字超出範圍，太大了，不可能是錯誤碼。錯誤碼是較小的整數，例如 655。",
	NotTableHeading:   "沒有這個碼表",
	NotTable:          "沒有這個碼表。請從上方選擇一個碼表。",
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
	Billed:            "是否收費",
	Yes:               "是",
	No:                "否",
	BilledTag:         [2]string{"不收費", "收費"},
	tables: map[string]tableWords{
		"huiyan": {Name: "慧眼錯誤碼", Short: "慧眼", About: "小程式 SDK 錯誤碼", categories: []string{
			messages.General:          "通用",
			messages.SMS:              "簡訊驗證",
			messages.IDCardOCR:        "身分證識別",
			messages.Liveness:         "活體檢測",
			messages.IdentityDatabase: "權威庫核驗",
			messages.ImageComparison:  "人臉比對",
			messages.WeChatRealName:   "微信實名",
		}},
		"faceid": {Name: "人臉核身返回碼", Short: "人臉核身", About: "FaceID API 返回碼", categories: []string{
			faceid.System:          "系統",
			faceid.WeChat:          "微信相關",
			faceid.IDCard:          "身分證",
			faceid.Liveness:        "活體通用",
			faceid.LivenessNumber:  "數字活體",
			faceid.LivenessAction:  "動作活體",
			faceid.ImageComparison: "證件影像比對",
		}},
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
