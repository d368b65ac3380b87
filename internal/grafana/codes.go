package grafana

import (
	"strconv"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/messages"
)

// topCodes is the table of the codes users hit most over the range, of
// the tables that $table selects, each named by its operator title: the
// value mappings of the code column. A series that appeared within the
// range counts its whole value, as the operator page does: increase alone
// misses what was counted before the series' first scrape. The code
// column is the label ref, the table and the code joined by a slash,
// since the two tables share numbers with other meanings.
func topCodes(id int, b *huiyan.Bundle, lang string, gridPos obj) obj {
	return obj{
		"id": id, "type": "table", "title": "Top codes over the range",
		"description": "The failure codes answered most over the chosen range, summed over every replica, with their table (huiyan or faceid, which share numbers with other meanings) and whether Tencent bills them. Codes outside a table are counted as other, by category.",
		"datasource":  datasource, "gridPos": gridPos,
		"targets": target(`label_join(topk(20, sum by (table, code, name, category, billed) ((increase(huiyan_results_total{code!="0",table=~"$table"}[$__range]) and huiyan_results_total offset $__range) or huiyan_results_total{code!="0",table=~"$table"})), "ref", "/", "table", "code")`,
			obj{"instant": true, "format": "table"}),
		"transformations": []obj{{
			"id": "organize",
			"options": obj{
				"excludeByName": obj{"Time": true, "code": true},
				"indexByName":   obj{"table": 0, "ref": 1, "name": 2, "category": 3, "billed": 4, "Value": 5},
				"renameByName":  obj{"table": "Table", "ref": "Code", "name": "Name", "category": "Category", "billed": "Billed", "Value": "Results"},
			},
		}},
		"fieldConfig": obj{
			"defaults": obj{"custom": obj{"align": "auto"}},
			"overrides": []obj{
				{
					"matcher":    obj{"id": "byName", "options": "Code"},
					"properties": []obj{{"id": "mappings", "value": titles(b, lang)}, {"id": "custom.width", "value": 480}},
				},
				{
					"matcher": obj{"id": "byName", "options": "Billed"},
					"properties": []obj{{"id": "mappings", "value": []obj{{"type": "value", "options": obj{
						"true":  obj{"text": "billed", "color": "orange", "index": 0},
						"false": obj{"text": "no", "index": 1},
					}}}}},
				},
			},
		},
		"options": obj{"showHeader": true, "sortBy": []obj{{"displayName": "Results", "desc": true}}},
	}
}

// titles maps each code of each table, as the label ref spells it
// ("faceid/302"), to its number and operator title in lang, and a table's
// codes outside it to "other".
func titles(b *huiyan.Bundle, lang string) []obj {
	options := obj{}
	addTitles(options, b, lang, messages.All())
	addTitles(options, b, lang, faceid.All())
	return []obj{{"type": "value", "options": options}}
}

// addTitles adds the titles of codes, of one table, to options.
func addTitles[C messages.TableCode](options obj, b *huiyan.Bundle, lang string, codes []C) {
	var zero C
	table := zero.Table().Name()
	for _, c := range codes {
		code := strconv.Itoa(int(c))
		options[table+"/"+code] = obj{"text": code + " · " + huiyan.LocalizeWith(b, c, lang, nil).Title, "index": len(options)}
	}
	options[table+"/other"] = obj{"text": "other", "index": len(options)}
}
