package grafana

import (
	"strconv"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/messages"
)

// topCodes is the table of the codes users hit most over the range, each
// named by its operator title: the value mappings of the code column. A
// series that appeared within the range counts its whole value, as the
// operator page does: increase alone misses what was counted before the
// series' first scrape.
func topCodes(id int, b *huiyan.Bundle, lang string, gridPos obj) obj {
	return obj{
		"id": id, "type": "table", "title": "Top codes over the range",
		"description": "The failure codes answered most over the chosen range, summed over every replica. Codes outside the catalogue are counted as other, by category.",
		"datasource":  datasource, "gridPos": gridPos,
		"targets": target(`topk(20, sum by (code, name, category) ((increase(huiyan_results_total{code!="0"}[$__range]) and huiyan_results_total offset $__range) or huiyan_results_total{code!="0"}))`,
			obj{"instant": true, "format": "table"}),
		"transformations": []obj{{
			"id": "organize",
			"options": obj{
				"excludeByName": obj{"Time": true},
				"indexByName":   obj{"code": 0, "name": 1, "category": 2, "Value": 3},
				"renameByName":  obj{"code": "Code", "name": "Name", "category": "Category", "Value": "Results"},
			},
		}},
		"fieldConfig": obj{
			"defaults": obj{"custom": obj{"align": "auto"}},
			"overrides": []obj{{
				"matcher":    obj{"id": "byName", "options": "Code"},
				"properties": []obj{{"id": "mappings", "value": titles(b, lang)}, {"id": "custom.width", "value": 480}},
			}},
		},
		"options": obj{"showHeader": true, "sortBy": []obj{{"displayName": "Results", "desc": true}}},
	}
}

// titles maps each code of the catalogue to its number and operator
// title in lang.
func titles(b *huiyan.Bundle, lang string) []obj {
	options := obj{}
	for i, c := range messages.All() {
		code := strconv.Itoa(int(c))
		options[code] = obj{"text": code + " · " + b.Localize(c, lang).Title, "index": i}
	}
	return []obj{{"type": "value", "options": options}}
}
