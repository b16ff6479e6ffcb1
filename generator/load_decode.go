package generator

import (
	"bytes"
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// The TOML decoder with positions: BurntSushi/toml decodes, and gives a position only for a
// syntax error; everything else (unknown keys, wrong types, and the semantic checks in
// load.go) is placed by the key index below, built from the source.

// decodeTOML decodes TOML text into v and finds where its keys stand. It reports syntax,
// encoding and type errors and unknown keys, each with the file, line and column, and returns
// the key index for the checks that follow, or nil when the text could not be decoded at
// all. lineOffset shifts reported lines, for front matter that starts below the first line of
// its file. A byte order mark is allowed and ignored; columns count bytes, as in Go's own
// tools.
func decodeTOML(data []byte, display string, lineOffset int, v any) (*keyIndex, ErrorList) {
	var errs ErrorList
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		line, col := invalidUTF8Pos(data)
		errs.Add(Pos{display, line + lineOffset, col}, "file is not valid UTF-8; save it as UTF-8")
		return nil, errs
	}
	src := string(data)
	if strings.TrimSpace(src) == "" && lineOffset == 0 {
		errs.Add(Pos{display, 1, 1}, "file is empty")
		return nil, errs
	}
	md, err := toml.Decode(src, v)
	ix := indexKeys(display, src)
	ix.shift(lineOffset)
	if err != nil {
		pos, msg := decodeErrorPos(err, ix, src, lineOffset)
		errs.Add(pos, "%s", msg)
		return nil, errs
	}
	reported := map[string]bool{}
	for _, k := range md.Undecoded() {
		p := k.String()
		if reported[p] || (len(k) > 1 && reported[toml.Key(k[:len(k)-1]).String()]) {
			reported[p] = true // a key inside an unknown table: the table is reported
			continue
		}
		reported[p] = true
		what := "key"
		if ix.isHeader(p) {
			what = "table"
		}
		hint := ""
		if s := suggestKey(v, k); s != "" {
			hint = " (did you mean " + s + "?)"
		}
		for _, pos := range ix.unknown(p) {
			errs.Add(pos, "%s: unknown %s%s", keyName(k), what, hint)
		}
	}
	return ix, errs
}

// keyName names an unknown key as its file spells it inside its table: "acton" for
// errors.acton, but the whole "extra.note" for a dotted key at the top.
func keyName(k toml.Key) string {
	if len(k) > 1 && slices.Contains(arrayTables, k[0]) {
		return strings.Join(k[1:], ".")
	}
	return strings.Join(k, ".")
}

// arrayTables are the [[tables]] of the format.
var arrayTables = []string{"errors", "source", "faq", "contact", "tier", "rating", "disagreement", "confused"}

var decodeLine = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): (.*)$`)

// decodeErrorPos turns a decoder error into a position and message. Syntax errors carry a
// byte offset into src; type errors ("incompatible types") carry only a line and the last
// key, and are found through the key index.
func decodeErrorPos(err error, ix *keyIndex, src string, lineOffset int) (Pos, string) {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		msg := lowerFirst(strings.TrimSuffix(pe.Message, "."))
		start := min(max(pe.Position.Start, 0), len(src))
		switch {
		case strings.HasPrefix(msg, "invalid escape"):
			// The decoder points at the string; point at the backslash.
			if i := strings.IndexByte(src[start:], '\\'); i >= 0 && !strings.Contains(src[start:start+i], "\n") {
				start += i
			}
		case strings.Contains(msg, "unexpected EOF") && ix.open.Line > 0:
			return ix.open, lastPart(pe.LastKey) + ": the string that starts here is never closed"
		}
		line, col := offsetPos(src, start)
		if strings.HasPrefix(msg, "parsing time") {
			msg = typeMessage(lastPart(pe.LastKey), msg)
		}
		if pe.LastKey != "" {
			msg = lastPart(pe.LastKey) + ": " + msg
		}
		return Pos{ix.file, line + lineOffset, col}, msg
	}
	if m := decodeLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		key := lastPart(m[2])
		return ix.lineKey(line+lineOffset, key), key + ": " + typeMessage(key, m[3])
	}
	return Pos{ix.file, 1 + lineOffset, 1}, err.Error()
}

var typeMismatch = regexp.MustCompile(`^incompatible types: TOML value has type (\S+); destination has type (\S+)$`)

// typeMessage says in TOML's words what the decoder says in Go's.
func typeMessage(key, msg string) string {
	if strings.HasPrefix(msg, "parsing time") {
		return "write the date without quotes, as " + key + " = 2026-11-23"
	}
	m := typeMismatch.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	got, want := tomlType(m[1]), tomlType(m[2])
	if got == "table" && want == "array" {
		return "write [[" + key + "]] for each one, not [" + key + "]"
	}
	return "this is " + article(got) + ", want " + article(want)
}

func tomlType(goType string) string {
	switch {
	case goType == "string":
		return "string"
	case strings.HasPrefix(goType, "int"), strings.HasPrefix(goType, "uint"), goType == "integer":
		return "integer"
	case strings.HasPrefix(goType, "float"):
		return "float"
	case goType == "bool":
		return "boolean"
	case strings.HasPrefix(goType, "map"), goType == "struct":
		return "table"
	case strings.HasPrefix(goType, "[]"), goType == "slice", goType == "array":
		return "array"
	case strings.Contains(goType, "Time"):
		return "date"
	}
	return goType
}

func article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "an " + word
	}
	return "a " + word
}

// offsetPos returns the line and byte column of offset in src.
func offsetPos(src string, offset int) (line, col int) {
	before := src[:offset]
	line = strings.Count(before, "\n") + 1
	col = offset - strings.LastIndexByte(before, '\n')
	return line, col
}

func lastPart(key string) string {
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		return key[i+1:]
	}
	return key
}

func lowerFirst(s string) string {
	if s == "" || strings.HasPrefix(s, "TOML") {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// invalidUTF8Pos returns the line and byte column of the first byte that is not UTF-8.
func invalidUTF8Pos(data []byte) (line, col int) {
	at := 0
	for at < len(data) {
		r, size := utf8.DecodeRune(data[at:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		at += size
	}
	return offsetPos(string(data), at)
}

// shift moves every recorded position down by n lines.
func (ix *keyIndex) shift(n int) {
	ix.offset = n
	if n == 0 {
		return
	}
	for p, kp := range ix.keys {
		kp.key.Line += n
		kp.value.Line += n
		ix.keys[p] = kp
	}
	if ix.open.Line > 0 {
		ix.open.Line += n
	}
}

// keyIndex finds where keys stand in a TOML source. BurntSushi/toml reports positions only for
// syntax errors, so semantic errors ("class: unknown value") find their key here instead.
//
// Paths name array-table elements by index: "errors.3.meaning" is the meaning key of the
// fourth [[errors]] table. Headers are recorded too: "errors.3" is the line of that [[errors]].
type keyIndex struct {
	file    string
	lines   []string
	keys    map[string]keyPos
	order   []string        // paths in source order
	headers map[string]bool // paths that are [table] or [[table]] headers
	open    Pos             // where a multi-line string that never closes opens
	offset  int             // lines of the file above the text (front matter starts on line 2)
}

type keyPos struct {
	key   Pos // where the key (or header) starts
	value Pos // where its value starts; equal to key for headers
}

// indexKeys scans src line by line. It understands what our files use: [table],
// [[array-table]], key = value with bare, quoted or dotted keys, and multi-line strings and
// arrays. It is a locator, not a parser: the TOML decoder has already accepted the file.
func indexKeys(file, src string) *keyIndex {
	ix := &keyIndex{file: file, keys: map[string]keyPos{}, headers: map[string]bool{}}
	ix.lines = strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	counts := map[string]int{}
	prefix := ""
	inString := "" // the closing delimiter of an open multi-line string
	for n, line := range ix.lines {
		lineNo := n + 1
		if inString != "" {
			if strings.Contains(line, inString) {
				inString = ""
				ix.open = Pos{}
			}
			continue
		}
		trimmed := strings.TrimLeft(line, " \t\ufeff")
		col := len(line) - len(trimmed) + 1
		switch {
		case trimmed == "" || trimmed[0] == '#':
			continue
		case strings.HasPrefix(trimmed, "[["):
			name := headerName(trimmed[2:], "]]")
			path := name + "." + strconv.Itoa(counts[name])
			counts[name]++
			prefix = path + "."
			ix.add(path, Pos{file, lineNo, col}, Pos{file, lineNo, col})
			ix.headers[name] = true
			continue
		case trimmed[0] == '[':
			name := headerName(trimmed[1:], "]")
			prefix = name + "."
			ix.add(name, Pos{file, lineNo, col}, Pos{file, lineNo, col})
			ix.headers[name] = true
			continue
		}
		key, rest, ok := splitKey(trimmed)
		if !ok {
			continue // a continuation line of a multi-line array
		}
		valueCol := col + len(trimmed) - len(rest)
		ix.add(prefix+key, Pos{file, lineNo, col}, Pos{file, lineNo, valueCol})
		for _, delim := range []string{`"""`, `'''`} {
			if strings.HasPrefix(rest, delim) && !strings.Contains(rest[3:], delim) {
				inString = delim
				ix.open = Pos{file, lineNo, valueCol}
			}
		}
	}
	return ix
}

func (ix *keyIndex) add(path string, key, value Pos) {
	if _, dup := ix.keys[path]; !dup {
		ix.order = append(ix.order, path)
	}
	ix.keys[path] = keyPos{key, value}
}

// headerName returns the dotted name of a table header with spaces and quotes removed.
func headerName(s, end string) string {
	if i := strings.Index(s, end); i >= 0 {
		s = s[:i]
	}
	parts := strings.Split(s, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}

// splitKey splits `key = value` into the dotted key and the value text.
func splitKey(s string) (key, value string, ok bool) {
	var parts []string
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return "", "", false
		}
		var part string
		switch s[0] {
		case '"', '\'':
			end := strings.IndexByte(s[1:], s[0])
			if end < 0 {
				return "", "", false
			}
			part, s = s[1:end+1], s[end+2:]
		default:
			i := 0
			for i < len(s) && isBareKeyByte(s[i]) {
				i++
			}
			if i == 0 {
				return "", "", false
			}
			part, s = s[:i], s[i:]
		}
		parts = append(parts, part)
		s = strings.TrimLeft(s, " \t")
		if strings.HasPrefix(s, ".") {
			s = s[1:]
			continue
		}
		if !strings.HasPrefix(s, "=") {
			return "", "", false
		}
		return strings.Join(parts, "."), strings.TrimLeft(s[1:], " \t"), true
	}
}

func isBareKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// key returns the position of the key at path. A key the scanner cannot see, such as one
// inside an inline table, is placed at its nearest ancestor; failing all, the file's start.
func (ix *keyIndex) key(path string) Pos {
	for p := path; p != ""; p = parentPath(p) {
		if kp, ok := ix.keys[p]; ok {
			return kp.key
		}
	}
	return ix.top()
}

// top is the text's first line, where a problem no key can be found for is reported.
func (ix *keyIndex) top() Pos { return Pos{File: ix.file, Line: 1 + ix.offset, Col: 1} }

func parentPath(p string) string {
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[:i]
	}
	return ""
}

// isHeader reports whether path, without array indexes, is a [table] header.
func (ix *keyIndex) isHeader(path string) bool {
	return ix.headers[path]
}

// value returns the position of the value at path, falling back like key.
func (ix *keyIndex) value(path string) Pos {
	if kp, ok := ix.keys[path]; ok {
		return kp.value
	}
	return ix.key(path)
}

// item returns the position of the i-th string of the array at path, so that an error in
// fix_by = ["you", "meta", "nobody"] points at "nobody".
func (ix *keyIndex) item(path string, i int) Pos {
	start := ix.value(path)
	if start.Line == 0 || start.Line > len(ix.lines) {
		return start
	}
	n := -1
	for l := start.Line; l <= len(ix.lines); l++ {
		line := ix.lines[l-1]
		from := 0
		if l == start.Line {
			from = start.Col - 1
		}
		for c := from; c < len(line); c++ {
			switch line[c] {
			case ']':
				return start
			case '#':
				c = len(line)
			case '"', '\'':
				n++
				if n == i {
					return Pos{ix.file, l, c + 1}
				}
				end := closingQuote(line[c+1:], line[c])
				if end < 0 {
					return start
				}
				c += end + 1
			}
		}
	}
	return start
}

// lineKey returns the position of the key on a line, used for decoder errors that give only
// a line number.
func (ix *keyIndex) lineKey(line int, key string) Pos {
	for _, path := range ix.order {
		kp := ix.keys[path]
		if kp.key.Line == line && (key == "" || strings.HasSuffix(path, key)) {
			return kp.value
		}
	}
	return Pos{File: ix.file, Line: line, Col: 1}
}

// unknown returns every position of a key whose path, without array indexes, is path; for
// a key the scanner cannot see, the position of its nearest ancestor.
func (ix *keyIndex) unknown(path string) []Pos {
	for p := path; p != ""; p = parentPath(p) {
		var out []Pos
		for _, q := range ix.order {
			if stripIndexes(q) == p {
				out = append(out, ix.keys[q].key)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return []Pos{ix.top()}
}

func stripIndexes(path string) string {
	parts := strings.Split(path, ".")
	out := parts[:0]
	for _, p := range parts {
		if _, err := strconv.Atoi(p); err == nil && p != "" {
			continue
		}
		out = append(out, p)
	}
	return strings.Join(out, ".")
}

// closingQuote finds the quote that ends a string, skipping backslash escapes in "basic"
// strings; 'literal' strings have none.
func closingQuote(s string, quote byte) int {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && quote == '"':
			i++
		case s[i] == quote:
			return i
		}
	}
	return -1
}
