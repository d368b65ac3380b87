package messages_test

import (
	"fmt"

	"github.com/huiyan-i18n/huiyan/messages"
)

func ExampleTable() {
	// A table is data: every code with its name, category and status.
	for _, e := range messages.Huiyan.Entries()[:3] {
		cat := messages.Huiyan.Categories()[e.Category]
		fmt.Println(e.Code, e.Name, cat.Key, e.Status)
	}
	fmt.Println(messages.Huiyan.Status(699), messages.Huiyan.Categories()[messages.Huiyan.CategoryOf(699)].Key)
	// Output:
	// 0 Success general 200
	// 1 MissingParameter general 400
	// 2 InvalidParameter general 400
	// 422 liveness
}
