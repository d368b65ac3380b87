package main

import (
	"log/slog"
	"testing"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/examples/internal/exampletest"
	"github.com/huiyan-i18n/huiyan/huiyanhttp"
)

// TestResultCodes checks the handler on the router: success, a problem
// and the backend's own bad request, with the language of each request.
func TestResultCodes(t *testing.T) {
	exampletest.ResultCodes(t, newRouter(huiyan.Default(), huiyanhttp.WithLogger(slog.New(slog.DiscardHandler))))
}

// TestUniformIdentity checks the router as -uniform-identity builds it:
// every failed identity check gets the same answer.
func TestUniformIdentity(t *testing.T) {
	exampletest.UniformIdentity(t, newRouter(huiyan.Default(), huiyanhttp.WithUniformIdentity(), huiyanhttp.WithLogger(slog.New(slog.DiscardHandler))))
}
