// Command gin is a gin backend that answers Huiyan's result codes with
// package huiyanhttp.
//
//	go run ./examples/gin -addr 127.0.0.1:8082
//	curl -i '127.0.0.1:8082/api/verify/result?code=0&lang=zh_CN'
//
// -uniform-identity answers every failed identity check alike (see
// huiyanhttp.WithUniformIdentity).
//
// gin's handlers take a *gin.Context rather than an http.ResponseWriter
// and an *http.Request: a handler passes c.Writer and c.Request to
// huiyanhttp.WriteResult. huiyanhttp.Middleware is an http.Handler
// middleware; languages below adapts it to gin in a few lines (wrapping
// the whole engine, huiyanhttp.Middleware(loc)(engine), works too).
package main

import (
	"flag"
	"log"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/huiyanhttp"
	"github.com/huiyan-i18n/huiyan/messages"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8082", "address to listen on")
	uniform := flag.Bool("uniform-identity", false, "answer every failed identity check alike, so that callers cannot probe ID numbers")
	flag.Parse()
	var opts []huiyanhttp.Option
	if *uniform {
		opts = append(opts, huiyanhttp.WithUniformIdentity())
	}
	log.Fatal(http.ListenAndServe(*addr, newRouter(huiyan.Default(), opts...)))
}

// languages adapts huiyanhttp.Middleware to gin: the request that carries
// the language goes on down gin's chain.
func languages(loc huiyan.Source, opts ...huiyanhttp.Option) gin.HandlerFunc {
	mw := huiyanhttp.Middleware(loc, opts...)
	return func(c *gin.Context) {
		mw(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
			c.Request = r
			c.Next()
		})).ServeHTTP(c.Writer, c.Request)
	}
}

func newRouter(loc huiyan.Source, opts ...huiyanhttp.Option) *gin.Engine {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.Use(languages(loc, opts...))
	r.GET("/api/verify/result", verifyResult)
	return r
}

// verifyResult answers how the verification ended: code stands for the
// result code Huiyan returned to the backend.
func verifyResult(c *gin.Context) {
	n, err := strconv.Atoi(c.Query("code"))
	if err != nil {
		// The backend's own answer: the request to it was wrong.
		c.JSON(http.StatusBadRequest, gin.H{"title": "Bad Request", "status": http.StatusBadRequest})
		return
	}
	// One call for any code: the success answer for 0, a problem else.
	huiyanhttp.WriteResult(c.Writer, c.Request, messages.Code(n), nil)
}
