package huiyan_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing/fstest"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

func Example() {
	m := huiyan.Localize(messages.FaceTooClose, "zh-TW,zh;q=0.9,en;q=0.8") // what the client sent
	fmt.Println(m.User)                                                    // for the person holding the phone
	fmt.Println(huiyan.Localize(m.Code, "en").Title)                       // for the operator
	// Output:
	// 臉離螢幕太近，請將手機拿遠一點後再試一次
	// Face too close to the screen
}

func ExampleBundle_Match() {
	// A deployment adds a few Japanese texts. Match names the locale that
	// serves the reader, for a response's Content-Language; Lang names the
	// locale that served User, the next in the reader's chain where
	// ja-JP has no text.
	b, err := huiyan.NewBundle(locales.FS, fstest.MapFS{
		"ja-JP.toml": {Data: []byte("[659]\nuser = \"暗すぎます。明るい場所でもう一度お試しください。\"\n")},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	const lang = "ja,en;q=0.8"
	fmt.Println(b.Match(lang))
	fmt.Println(b.Localize(messages.LightTooDim, lang).Lang)
	fmt.Println(b.Localize(messages.FaceTooClose, lang).Lang)
	// Output:
	// ja-JP
	// ja-JP
	// en-US
}

func ExampleLocalize() {
	// lang is what the client sent: here a browser's Accept-Language.
	m := huiyan.Localize(messages.SimilarityTooLow, "en-US,en;q=0.9,zh-CN;q=0.8")
	fmt.Println(m.Lang)
	fmt.Println(m.User)
	fmt.Println(m.Title)

	// A WeChat mini-program sends zh_CN; zh-CN's operator texts are the
	// Huiyan error table verbatim.
	m = huiyan.Localize(604, "zh_CN")
	fmt.Println(m.User)
	fmt.Println(m.Title)
	// Output:
	// en-US
	// We could not match your face to your ID photo. Please face the camera in good light and try again.
	// Similarity did not reach the passing standard
	// 人脸与证件照片比对未通过，请在光线充足处正对摄像头重试
	// 比对相似度未达到通过标准
}

func ExampleLocalize_unknownCode() {
	// A code that is not in the catalogue gets its category's texts.
	m := huiyan.Localize(699, "en")
	fmt.Println(m.Known, m.Code.Category())
	fmt.Println(m.Title)
	// Output:
	// false liveness
	// Liveness detection: unknown error code 699
}

func ExampleLocalizeWith() {
	// This deployment's SMS codes are valid for 1 minute, not 10.
	m := huiyan.LocalizeWith(huiyan.Default(), messages.SMSCodeExpired, "en", map[string]int{"Minutes": 1})
	fmt.Println(m.Detail)
	// Output:
	// The SMS verification code is valid for 1 minute.
}

func ExampleNewBundle() {
	// The locale files of a directory, such as the shipped ones.
	b, err := huiyan.NewBundle(os.DirFS("locales"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(b.Locales())
	fmt.Println(b.Localize(messages.LightTooDim, "zh-TW").User)
	// Output:
	// [zh-CN en-US zh-HK zh-TW]
	// 光線太暗，請到光線充足的地方再試一次
}

func ExampleNewBundle_override() {
	// A deployment changes one text, and adds a locale, over the shipped
	// files; os.DirFS("/etc/huiyan") would do the same from a directory.
	deployment := fstest.MapFS{
		"en-US.toml": {Data: []byte(`[659]
user = "It is too dark here. Please move somewhere brighter."
`)},
		"ja-JP.toml": {Data: []byte(`[659]
user = "暗すぎます。明るい場所でもう一度お試しください。"
`)},
	}
	b, err := huiyan.NewBundle(locales.FS, deployment)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(b.Localize(messages.LightTooDim, "en").User)
	fmt.Println(b.Localize(messages.LightTooDim, "ja,en;q=0.5").User)
	fmt.Println(b.Localize(messages.LightTooDim, "en").Title)
	// A text ja-JP lacks comes from the reader's next language.
	fmt.Println(b.Localize(messages.FaceTooClose, "ja,zh;q=0.5").User)
	// Output:
	// It is too dark here. Please move somewhere brighter.
	// 暗すぎます。明るい場所でもう一度お試しください。
	// Lighting too dim
	// 脸离屏幕太近，请把手机拿远一些后重试
}

func ExampleNewBundle_uniformIdentity() {
	// A service that takes ID numbers from callers it does not trust
	// answers every failed identity check alike.
	b, err := huiyan.NewBundle(locales.FS, locales.UniformIdentity)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range []messages.Code{messages.IdentityNotFound, messages.NameIDNumberMismatch, messages.IdentityPhotoNotFound, messages.IDNumberInvalid, messages.NameInvalid} {
		m := b.Localize(c, "en-US")
		fmt.Printf("%d %s\n    %s\n", c, m.Title, m.User)
	}
	// Output:
	// 701 ID number not in the database; user asked to check it at the household registration office
	//     We could not verify your name and ID number. Check both and try again, or contact customer support.
	// 703 Name and ID number do not match; user asked to check and retry
	//     We could not verify your name and ID number. Check both and try again, or contact customer support.
	// 704 Failed to fetch ID card photo
	//     We could not verify your name and ID number. Check both and try again, or contact customer support.
	// 707 Incorrect ID number
	//     We could not verify your name and ID number. Check both and try again, or contact customer support.
	// 708 Incorrect name
	//     We could not verify your name and ID number. Check both and try again, or contact customer support.
}

func ExampleFileError() {
	deployment := fstest.MapFS{
		"en-US.toml": {Data: []byte(`[655]
user = "Please move back a little."
usr = "typo"
`)},
	}
	_, err := huiyan.NewBundle(locales.FS, deployment)
	var fe *huiyan.FileError
	if errors.As(err, &fe) {
		fmt.Println(fe.File, fe.Line)
		fmt.Println(fe)
	}
	// Output:
	// en-US.toml 3
	// huiyan: en-US.toml:3: unknown field "usr" in code 655; the fields are user, title, detail and remedy
}

func ExampleWatch() {
	// A deployment's directory of locale files, here a temporary one.
	dir, err := os.MkdirTemp("", "huiyan")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "en-US.toml")
	os.WriteFile(file, []byte("[659]\nuser = \"Please find more light.\"\n"), 0o644)

	w, err := huiyan.Watch(dir, huiyan.WatchOptions{OnError: func(err error) { fmt.Println(err) }})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer w.Close()
	fmt.Println(w.Bundle().Localize(messages.LightTooDim, "en").User)

	// An operator edits the file; the poller picks it up within its
	// interval, and Reload, as from a SIGHUP handler, does it at once.
	os.WriteFile(file, []byte("[659]\nuser = \"Please move to a brighter place.\"\n"), 0o644)
	w.Reload()
	fmt.Println(w.Bundle().Localize(messages.LightTooDim, "en").User)

	// A broken edit keeps the previous texts serving.
	os.WriteFile(file, []byte("[659]\nuser = \"unterminated\n"), 0o644)
	fmt.Println(w.Reload() != nil, w.Bundle().Localize(messages.LightTooDim, "en").User)
	// Output:
	// Please find more light.
	// Please move to a brighter place.
	// true Please move to a brighter place.
}

func ExampleError() {
	// Huiyan answered a verification with code 655: the service passes it
	// up the stack as an error, for the operator.
	err := fmt.Errorf("verify order 42: %w", &huiyan.Error{Code: messages.FaceTooClose})
	fmt.Println(err)
	fmt.Println(errors.Is(err, messages.FaceTooClose), errors.Is(err, messages.FaceTooFar))
	var he *huiyan.Error
	if errors.As(err, &he) {
		fmt.Println(he.Code, he.Code.Retryable())
	}
	// Output:
	// verify order 42: huiyan: 655 FaceTooClose: Face too close to the screen
	// true false
	// FaceTooClose true
}

func ExampleError_deployment() {
	// A deployment's catalogue, with an operator title of its own.
	b, err := huiyan.NewBundle(locales.FS, fstest.MapFS{
		"en-US.toml": {Data: []byte("[655]\ntitle = \"Face too close (runbook: ops/huiyan#655)\"\n")},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(&huiyan.Error{Code: messages.FaceTooClose, Bundle: b})
	// Output:
	// huiyan: 655 FaceTooClose: Face too close (runbook: ops/huiyan#655)
}

func ExampleLocalizeWith_faceID() {
	// A backend on today's FaceID API reads Text.ErrCode: a FaceID code,
	// whose 302 is an expired ID card, not the Huiyan table's SMS limit.
	m := huiyan.LocalizeWith(nil, faceid.IDCardExpired, "zh-TW", nil)
	fmt.Println(m.User)
	fmt.Println(huiyan.LocalizeWith(nil, faceid.Code(1299), "en", nil).Title) // a code outside the table
	// Output:
	// 您的身分證已過期，請使用仍在有效期限內的身分證重新驗證
	// Action liveness: unknown result code 1299
}
