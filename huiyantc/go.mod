module github.com/huiyan-i18n/huiyan/huiyantc

go 1.26.0

require (
	github.com/BurntSushi/toml v1.6.0
	github.com/huiyan-i18n/huiyan v0.0.0
	github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common v1.0.1200
	github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/faceid v1.0.1200
)

require (
	github.com/nicksnyder/go-i18n/v2 v2.7.0 // indirect
	golang.org/x/text v0.44.0 // indirect
)

replace github.com/huiyan-i18n/huiyan => ../
