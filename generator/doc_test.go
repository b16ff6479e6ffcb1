package generator

import (
	"os"
	"reflect"
	"regexp"
	"testing"
)

// TestDocListsTemplateAPI: every exported method and field of page and every template
// function is named in doc.go, where a template writer looks for what templates can use.
func TestDocListsTemplateAPI(t *testing.T) {
	b, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	named := func(name string) bool {
		return regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\b`).MatchString(doc)
	}
	typ := reflect.TypeFor[*page]()
	for i := range typ.NumMethod() {
		if m := typ.Method(i).Name; !named(m) {
			t.Errorf("doc.go does not name page's method %s", m)
		}
	}
	fields := 0
	for f := range typ.Elem().Fields() {
		if f.IsExported() {
			fields++
			if !named(f.Name) {
				t.Errorf("doc.go does not name page's field %s", f.Name)
			}
		}
	}
	for name := range funcs {
		if !named(name) {
			t.Errorf("doc.go does not name the template function %s", name)
		}
	}
	if typ.NumMethod()+fields < 60 || len(funcs) < 8 {
		t.Errorf("%d methods, %d fields and %d functions: the test no longer sees them", typ.NumMethod(), fields, len(funcs))
	}
}
