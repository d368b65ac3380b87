// Command echo is an Echo backend that answers Huiyan's result codes with
// package huiyanhttp.
//
//	go run ./examples/echo -addr 127.0.0.1:8083
//	curl -i '127.0.0.1:8083/api/verify/result?code=0&lang=zh_CN'
//
// -uniform-identity answers every failed identity check alike (see
// huiyanhttp.WithUniformIdentity).
//
// echo.WrapMiddleware takes huiyanhttp.Middleware as it is, and a handler
// passes c.Response() and c.Request() to huiyanhttp.WriteResult, whose
// error it returns.
package main

import (
	"flag"
	"log"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/huiyanhttp"
	"github.com/huiyan-i18n/huiyan/messages"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8083", "address to listen on")
	uniform := flag.Bool("uniform-identity", false, "answer every failed identity check alike, so that callers cannot probe ID numbers")
	flag.Parse()
	var opts []huiyanhttp.Option
	if *uniform {
		opts = append(opts, huiyanhttp.WithUniformIdentity())
	}
	log.Fatal(http.ListenAndServe(*addr, newRouter(huiyan.Default(), opts...)))
}

func newRouter(loc huiyan.Source, opts ...huiyanhttp.Option) *echo.Echo {
	e := echo.New()
	e.HideBanner = true
	e.Use(echo.WrapMiddleware(huiyanhttp.Middleware(loc, opts...)))
	e.GET("/api/verify/result", verifyResult)
	return e
}

// verifyResult answers how the verification ended: code stands for the
// result code Huiyan returned to the backend.
func verifyResult(c echo.Context) error {
	n, err := strconv.Atoi(c.QueryParam("code"))
	if err != nil {
		// The backend's own answer: the request to it was wrong.
		return echo.NewHTTPError(http.StatusBadRequest, "the code parameter must be an integer")
	}
	// One call for any code: the success answer for 0, a problem else.
	return huiyanhttp.WriteResult(c.Response(), c.Request(), messages.Code(n), nil)
}
