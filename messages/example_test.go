package messages_test

import (
	"errors"
	"fmt"

	"github.com/huiyan-i18n/huiyan/messages"
)

func ExampleCode_Err() {
	// verify stands for a call to Huiyan that returned result code n.
	verify := func(n int) error { return messages.Code(n).Err() }

	fmt.Println(verify(0))
	err := verify(655)
	fmt.Println(err, errors.Is(err, messages.FaceTooClose))
	// Output:
	// <nil>
	// FaceTooClose true
}
