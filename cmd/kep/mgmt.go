package main

import (
	"strings"

	"github.com/kepdev/kep/internal/app"
)

// The management outputs (-f onepage, slides) and the editions (--edition internal |
// customer) of kep render: which formats and edition a run asks for. How each is built,
// named and written is internal/app's.

// parseRenderFormats reads render's -f list: any of pdf, html, onepage, slides, each at
// most once; the result is in app.Formats order.
func parseRenderFormats(s string) ([]string, error) {
	want := map[string]bool{}
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		ok := false
		for _, k := range app.Formats {
			if f == k {
				ok = true
			}
		}
		if !ok {
			return nil, errorf("unknown format %q: want a list of pdf, html, onepage, slides", f)
		}
		want[f] = true
	}
	var out []string
	for _, k := range app.Formats {
		if want[k] {
			out = append(out, k)
		}
	}
	return out, nil
}

// parseEdition checks --edition.
func parseEdition(s string) (string, error) {
	switch s {
	case "", "internal":
		return "internal", nil
	case "customer":
		return "customer", nil
	}
	return "", errorf("unknown edition %q: want internal or customer", s)
}
