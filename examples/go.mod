module github.com/huiyan-i18n/huiyan/examples

go 1.26.0

require github.com/huiyan-i18n/huiyan v0.0.0

require (
	github.com/BurntSushi/toml v1.6.0 // indirect
	github.com/nicksnyder/go-i18n/v2 v2.7.0 // indirect
	golang.org/x/text v0.44.0 // indirect
)

replace github.com/huiyan-i18n/huiyan => ../
