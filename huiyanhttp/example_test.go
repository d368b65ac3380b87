package huiyanhttp_test

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/huiyanhttp"
	"github.com/huiyan-i18n/huiyan/messages"
)

// stdoutLogger logs to standard output without the time, so that an
// example's output is stable.
func stdoutLogger() *slog.Logger {
	return slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey && len(groups) == 0 {
				return slog.Attr{}
			}
			return a
		},
	}))
}

func ExampleWriteProblem() {
	// Once, for the whole service: a *huiyan.Watcher serves as well.
	mw := huiyanhttp.Middleware(huiyan.Default(), huiyanhttp.WithLogger(stdoutLogger()))
	handler := mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Huiyan answered the user's verification with code 655.
		huiyanhttp.WriteProblem(w, r, messages.FaceTooClose)
	}))

	// A mini-program in Chinese: the problem is in Chinese, the log in
	// English, for the operator.
	w := httptest.NewRecorder()
	handler.ServeHTTP(w, httptest.NewRequest("GET", "/api/verify/result?lang=zh_CN", nil))
	fmt.Println(w.Code, w.Header().Get("Content-Type"), w.Header().Get("Content-Language"))
	fmt.Print(w.Body)
	// Output:
	// level=INFO msg="huiyanhttp: problem" status=422 user_lang=zh-CN huiyan.table=huiyan huiyan.code=655 huiyan.name=FaceTooClose huiyan.category=liveness huiyan.retryable=true huiyan.lang=en-US huiyan.title="Face too close to the screen"
	// 422 application/problem+json zh-CN
	// {"type":"https://pkg.go.dev/github.com/huiyan-i18n/huiyan/messages#FaceTooClose","title":"脸离屏幕太近，请把手机拿远一些后重试","status":422,"table":"huiyan","code":655,"name":"FaceTooClose","category":"liveness","retryable":true}
}

func ExampleWriteProblem_faceID() {
	mw := huiyanhttp.Middleware(huiyan.Default(), huiyanhttp.WithLogger(stdoutLogger()))
	handler := mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// GetDetectInfoEnhanced's Text.ErrCode was 302: in the FaceID
		// table, an expired ID card (the Huiyan 302 is an SMS limit).
		huiyanhttp.WriteProblem(w, r, faceid.IDCardExpired)
	}))
	w := httptest.NewRecorder()
	handler.ServeHTTP(w, httptest.NewRequest("GET", "/api/verify/result?lang=en", nil))
	fmt.Println(w.Code, w.Header().Get("Content-Language"))
	fmt.Print(w.Body)
	// Output:
	// level=INFO msg="huiyanhttp: problem" status=422 user_lang=en-US huiyan.table=faceid huiyan.code=302 huiyan.name=IDCardExpired huiyan.category=id_card huiyan.retryable=false huiyan.lang=en-US huiyan.title="ID card expired; user asked to verify with a valid ID card" huiyan.detail="In the Huiyan table, 302 is the SMS 'sending rate limit exceeded': the same number with another meaning." huiyan.remedy="Tencent's Chinese meaning says what to do: the user verifies with a valid ID card."
	// 422 en-US
	// {"type":"https://pkg.go.dev/github.com/huiyan-i18n/huiyan/faceid#IDCardExpired","title":"Your ID card has expired. Please verify again with an ID card that is still valid.","status":422,"table":"faceid","code":302,"name":"IDCardExpired","category":"id_card","retryable":false}
}

// results stands for what the backend stored of each verification: the
// result code Huiyan returned, 0 for success.
var results = map[string]messages.Code{"A-1024": messages.Success, "A-1025": messages.FaceTooClose}

func ExampleWriteResult() {
	mw := huiyanhttp.Middleware(huiyan.Default(), huiyanhttp.WithLogger(slog.New(slog.DiscardHandler)))
	handler := mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		order := r.URL.Query().Get("order")
		code, ok := results[order]
		if !ok {
			http.NotFound(w, r) // the service's own answers stay its own
			return
		}
		// One call, whatever the code: the success answer for 0, with the
		// service's fields, and the problem for any other.
		huiyanhttp.WriteResult(w, r, code, map[string]string{"order": order})
	}))
	for _, target := range []string{"/api/verify/result?order=A-1024&lang=en", "/api/verify/result?order=A-1025&lang=zh_TW"} {
		w := httptest.NewRecorder()
		handler.ServeHTTP(w, httptest.NewRequest("GET", target, nil))
		fmt.Println(w.Code, w.Header().Get("Content-Type"), w.Header().Get("Content-Language"), w.Header().Get("Vary"))
		fmt.Print(w.Body)
	}
	// Output:
	// 200 application/json en-US Accept-Language
	// {"title":"Verification successful","status":200,"table":"huiyan","code":0,"name":"Success","order":"A-1024"}
	// 422 application/problem+json zh-TW Accept-Language
	// {"type":"https://pkg.go.dev/github.com/huiyan-i18n/huiyan/messages#FaceTooClose","title":"臉離螢幕太近，請將手機拿遠一點後再試一次","status":422,"table":"huiyan","code":655,"name":"FaceTooClose","category":"liveness","retryable":true,"order":"A-1025"}
}

func ExampleLanguage() {
	requests := []struct{ query, header, value string }{
		{"lang=zh_HK", "", ""}, // a mini-program's wx.getAppBaseInfo().language
		{"", "X-Lang", "en"},   // a client that chooses on purpose
		{"", "Accept-Language", "en-GB,en;q=0.9"},
		{"", "User-Agent", "Mozilla/5.0 (iPhone; ...) MicroMessenger/8.0.34(0x18002230) NetType/WIFI Language/zh_CN"},
		{"lang=xx-garbage!!", "Accept-Language", "ja"}, // passed over for the next source
		{"", "", ""}, // nothing: "", the Source's default
	}
	for _, req := range requests {
		r := httptest.NewRequest("GET", "/?"+req.query, nil)
		if req.header != "" {
			r.Header.Set(req.header, req.value)
		}
		fmt.Printf("%q\n", huiyanhttp.Language(r))
	}
	// Output:
	// "zh_HK"
	// "en"
	// "en-GB,en;q=0.9"
	// "zh_CN"
	// "ja"
	// ""
}

func ExampleLocalize() {
	handler := huiyanhttp.Middleware(huiyan.Default())(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// The message in the language the Middleware resolved.
		m := huiyanhttp.Localize(r.Context(), messages.LightTooDim)
		fmt.Println(m.User)
	}))
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Accept-Language", "en-US,en;q=0.9")
	handler.ServeHTTP(httptest.NewRecorder(), r)
	// Output:
	// It is too dark. Please move somewhere with better light and try again.
}

func ExampleWithTypeBase() {
	// The operators' own page for each code, such as package catalogue
	// serves under /huiyan/codes/.
	mw := huiyanhttp.Middleware(huiyan.Default(),
		huiyanhttp.WithTypeBase("https://ops.example.com/huiyan/codes/"),
		huiyanhttp.WithLogger(slog.New(slog.DiscardHandler)))
	for _, handler := range []http.Handler{
		mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			huiyanhttp.WriteProblem(w, r, messages.IdentityDatabaseCallFailed)
		})),
		// A FaceID code's type names its table, as the catalogue's
		// pages take it.
		mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			huiyanhttp.WriteProblem(w, r, faceid.DataSourceUpgrading)
		})),
	} {
		w := httptest.NewRecorder()
		handler.ServeHTTP(w, httptest.NewRequest("GET", "/?lang=en", nil))
		fmt.Print(w.Code, " ", w.Body)
	}
	// Output:
	// 502 {"type":"https://ops.example.com/huiyan/codes/702","title":"The identity check is unavailable. Please try again later. If that fails, contact customer support.","status":502,"table":"huiyan","code":702,"name":"IdentityDatabaseCallFailed","category":"identity_database","retryable":true}
	// 503 {"type":"https://ops.example.com/huiyan/codes/2017?table=faceid","title":"The identity check is being upgraded. Please try again later.","status":503,"table":"faceid","code":2017,"name":"DataSourceUpgrading","category":"image_comparison","retryable":true}
}

func ExampleWithUniformIdentity() {
	// A service that takes ID numbers from callers it does not trust.
	mw := huiyanhttp.Middleware(huiyan.Default(), huiyanhttp.WithUniformIdentity(), huiyanhttp.WithLogger(stdoutLogger()))
	for _, handler := range []http.Handler{
		mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			huiyanhttp.WriteProblem(w, r, messages.IdentityNotFound)
		})),
		mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			huiyanhttp.WriteProblem(w, r, messages.IdentityPhotoNotFound)
		})),
		mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			huiyanhttp.WriteProblem(w, r, faceid.NameIDNumberMismatch)
		})),
	} {
		// The caller reads the same answer for a number that is not on
		// record (701), one that is, without a photo (704), and a name
		// that does not match the number (FaceID's 2006); the log tells
		// the operator which it was.
		w := httptest.NewRecorder()
		handler.ServeHTTP(w, httptest.NewRequest("GET", "/api/verify/result?lang=en", nil))
		fmt.Print(w.Code, " ", w.Body)
	}
	// Output:
	// level=INFO msg="huiyanhttp: problem" status=422 user_lang=en-US answered_table=huiyan answered_code=826 huiyan.table=huiyan huiyan.code=701 huiyan.name=IdentityNotFound huiyan.category=identity_database huiyan.retryable=false huiyan.lang=en-US huiyan.title="ID number not in the database; user asked to check it at the household registration office" huiyan.detail="The authoritative identity database has no record of this identity."
	// 422 {"type":"https://pkg.go.dev/github.com/huiyan-i18n/huiyan/messages#IdentityInvalid","title":"We could not verify your name and ID number. Check both and try again, or contact customer support.","status":422,"table":"huiyan","code":826,"name":"IdentityInvalid","category":"image_comparison","retryable":false}
	// level=INFO msg="huiyanhttp: problem" status=422 user_lang=en-US answered_table=huiyan answered_code=826 huiyan.table=huiyan huiyan.code=704 huiyan.name=IdentityPhotoNotFound huiyan.category=identity_database huiyan.retryable=false huiyan.lang=en-US huiyan.title="Failed to fetch ID card photo" huiyan.detail="No ID photo of this person was found in the authoritative identity database."
	// 422 {"type":"https://pkg.go.dev/github.com/huiyan-i18n/huiyan/messages#IdentityInvalid","title":"We could not verify your name and ID number. Check both and try again, or contact customer support.","status":422,"table":"huiyan","code":826,"name":"IdentityInvalid","category":"image_comparison","retryable":false}
	// level=INFO msg="huiyanhttp: problem" status=422 user_lang=en-US answered_table=huiyan answered_code=826 huiyan.table=faceid huiyan.code=2006 huiyan.name=NameIDNumberMismatch huiyan.category=image_comparison huiyan.retryable=false huiyan.lang=en-US huiyan.title="Name and ID number do not match; user asked to verify the identity and retry" huiyan.billed=true huiyan.detail="This result is billed." huiyan.remedy="Tencent's Chinese meaning says what to do: the user verifies the identity and tries again."
	// 422 {"type":"https://pkg.go.dev/github.com/huiyan-i18n/huiyan/messages#IdentityInvalid","title":"We could not verify your name and ID number. Check both and try again, or contact customer support.","status":422,"table":"huiyan","code":826,"name":"IdentityInvalid","category":"image_comparison","retryable":false}
}
