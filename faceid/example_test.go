package faceid_test

import (
	"fmt"

	"github.com/huiyan-i18n/huiyan/faceid"
)

func ExampleCode() {
	// A backend reads Text.ErrCode from GetDetectInfoEnhanced.
	var errCode int64 = 2016
	c := faceid.Code(errCode)
	fmt.Println(c, c.Section(), c.Retryable(), c.Billed(), c.HTTPStatus())
	fmt.Println(faceid.Code(1299).Section()) // an action-liveness code the table lacks
	// Output:
	// SimilarityTooLow image_comparison true true 422
	// liveness_action
}
