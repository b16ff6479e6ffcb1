package generator

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

var testCodes = map[string]bool{"131047": true, "63016": true, "470": true, "471": true, "10": true, "500": true, "200-299": true}

func testLinks() markdownLinks {
	return markdownLinks{
		code: func(k string) (string, string) {
			if testCodes[k] {
				return "/codes/" + k + "/", ""
			}
			return "", ""
		},
		root: func(target string) string { return "../" + target },
	}
}

func TestCodeLinking(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"long code alone", "See 131047.", `See <a href="/codes/131047/">131047</a>.`},
		// Five digits are long enough to be a code on their own: Twilio's 63016, Graph's 80007.
		{"five-digit code alone", "Twilio says 63016.", `Twilio says <a href="/codes/63016/">63016</a>.`},
		{"short code with cue", "Got error 470 today", `Got error <a href="/codes/470/">470</a> today`},
		{"short code without cue", "Wait 10 minutes.", "Wait 10 minutes."},
		{"http status is not a code", "The API returned HTTP 500.", "The API returned HTTP 500."},
		{"hash cue", "(#10) Permission denied", `(#<a href="/codes/10/">10</a>) Permission denied`},
		{"list after a cue", "codes 470, 471 and 131047", `codes <a href="/codes/470/">470</a>, <a href="/codes/471/">471</a> and <a href="/codes/131047/">131047</a>`},
		{"list after a long code", "131047 and 470", `<a href="/codes/131047/">131047</a> and <a href="/codes/470/">470</a>`},
		{"range", "codes 200-299", `codes <a href="/codes/200-299/">200-299</a>`},
		{"unknown code", "code 131999 is not ours", "code 131999 is not ours"},
		{"thousands separator", "code 1,000 users", "code 1,000 users"},
		{"decimal after a cue", "code 10.5 of the SDK", "code 10.5 of the SDK"},
		{"time after a cue", "error 470:30 in the log", "error 470:30 in the log"},
		{"version before a long code", "build 1.131047 shipped", "build 1.131047 shipped"},
		{"date-like before a long code", "2026-131047 is a ticket", "2026-131047 is a ticket"},
		{"sentence end is not a decimal", "See error 470.", `See error <a href="/codes/470/">470</a>.`},
		{"colon then text", "error 470: closed", `error <a href="/codes/470/">470</a>: closed`},
		{"inside a word", "abc131047 and 131047x", "abc131047 and 131047x"},
		{"code span stays", "`131047` and 131047", `<code>131047</code> and <a href="/codes/131047/">131047</a>`},
		{"existing link stays", "[about 131047](/x/)", `<a href="../x/">about 131047</a>`},
		{"heading stays", "## 131047", `<h2 id="131047">131047 <a href="#131047" title="Link to this section" class="anchor">#</a></h2>`},
		{"raw html shown as text", "a <b>131047</b>", `a &lt;b&gt;<a href="/codes/131047/">131047</a>&lt;/b&gt;`},
		{"table cell", "| a |\n|---|\n| error 470 |", `<td>error <a href="/codes/470/">470</a></td>`},
		{"soft break survives", "error\n470 ok", "error\n<a href=\"/codes/470/\">470</a> ok"},
	}
	md := newMarkdown()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := renderMarkdown(md, tc.in, testLinks())
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(got), tc.want) {
				t.Errorf("got %q, want it to contain %q", got, tc.want)
			}
		})
	}
}

func FuzzCodeLinking(f *testing.F) {
	for _, s := range []string{"131047", "error 470, 471 and 10", "`x` 131047 [a](/b/)", "<script>x</script>", "| a |\n|-|\n| 470 |", "codes 200-299\n\n## 10"} {
		f.Add(s)
	}
	md := newMarkdown()
	f.Fuzz(func(t *testing.T, in string) {
		out, err := renderMarkdown(md, in, testLinks())
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.ValidString(string(out)) && utf8.ValidString(in) {
			t.Errorf("invalid UTF-8 output for %q", in)
		}
		if strings.Contains(string(out), "<script") {
			t.Errorf("raw script passed through for %q", in)
		}
	})
}

func FuzzFindCodeMentions(f *testing.F) {
	f.Add("error 470, 471 and 131047; code 1,000 #10 200-299")
	number := regexp.MustCompile(`[0-9]+(?:-[0-9]+)?`)
	f.Fuzz(func(t *testing.T, in string) {
		want := number.FindAllStringIndex(in, -1)
		var got [][]int
		for start, end := range numbers([]byte(in)) {
			got = append(got, []int{start, end})
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("numbers(%q) = %v, want %v as the regular expression finds them", in, got, want)
		}
		prev := -1
		for _, m := range FindCodeMentions([]byte(in), func(string) bool { return true }) {
			if m.Start < prev || m.Start >= m.End || m.End > len(in) || in[m.Start:m.End] != m.Code {
				t.Fatalf("bad mention %+v in %q", m, in)
			}
			prev = m.End
		}
	})
}

// FuzzSimpleParagraph checks the shortcut for simple paragraphs against goldmark itself.
func FuzzSimpleParagraph(f *testing.F) {
	for _, s := range []string{
		"Send an approved template.", `Say "hello" to them, then wait.`, "  Trim me  ", "a - b (c) / d; e, f? g.",
		"=", "Ünïcode text", "x  ", "Wait 24 hours, then retry.", "See error 470 first.", "Code 131047 again",
		"Your **tier** limits the `statuses[].errors` count.\nThe API retries\nthe **media file**.",
		"Log `wa_id` and the **messaging limit**, then `a<b>&\"c\"`.", "a\n- b", "a\n\nb", "a  \nb", "\n    x",
		"**a** b", "x **a**b", "x **a *b* c** d", "x `` a `` y", "x ` a ` y", "x **a `b** c`",
		"Compare 131047.\nSee error 470 and 471, or `131047` or **error 10 here**.", "error `x` 470, then 10",
		"Code 500 and code 10 first", "See **error 10 here**", "a\n**strong** start\n12345. not a list\n1. a list\n01) too\n2) not\n**x*", "**a** b\n* c\n***", "Related: 131047. Time 10:30, see http://x.io or https: or ftp:x", "131047131047 or 1310470 or 131047-1", "a\n131047 b", "codes 470, 471\nand 10.",
		// White space and bytes the byte-at-a-time check must send to goldmark: a tab, a
		// carriage return, DEL, a lone continuation byte, a no-break space, a line separator.
		"a\tb", "a\rb", "a\x7fb", "a\x80b", "é\x80", "a\u00a0b", "é\u2028b", "\u00a0",
	} {
		f.Add(s)
	}
	md := newMarkdown()
	// Titles as code titles are written, and some that goldmark writes differently.
	titles := map[string]string{"131047": "Re-engagement message", "470": "Don't send: 24 hours", "10": "A & B", "500": `Say "x" \ y`}
	links := markdownLinks{
		code: func(k string) (string, string) {
			if testCodes[k] {
				return "../../codes/" + k + "/", titles[k]
			}
			return "", ""
		},
		root: func(target string) string { return "../" + target },
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, ok := simpleParagraph(in, links.code)
		if !ok {
			return
		}
		want, err := renderMarkdown(md, in, links)
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			t.Errorf("simple paragraph %q: shortcut %q, goldmark %q", in, got, want)
		}
	})
}

// FuzzWriteEscaped holds writeEscaped to goldmark's escaping, which the shortcut must match.
func FuzzWriteEscaped(f *testing.F) {
	for _, s := range []string{`a "b" & <c> d`, "", "&&", `"`, "é<"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b strings.Builder
		writeEscaped(&b, s)
		if want := string(util.EscapeHTML([]byte(s))); b.String() != want {
			t.Errorf("writeEscaped(%q) = %q, want %q", s, b.String(), want)
		}
	})
}

// FuzzOneSpaced checks oneSpaced against what it stands for, strings.Fields joined by
// spaces, including white space beyond ASCII and text that is not UTF-8.
func FuzzOneSpaced(f *testing.F) {
	for _, s := range []string{"", " ", "a", " a  b\n\tc ", "x\u00a0y\u2003 z\u0085", "\xff \xfe\x80a", "é  ü\r\n\vß\f", "a\u3000b  "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := oneSpaced(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("oneSpaced(%q) = %q, want %q", s, got, want)
		}
	})
}
