package tomlpos

import (
	"strconv"
	"strings"
)

// An Index says where the keys of a decoded TOML text stand, so that the checks made after
// decoding ("class: unknown value") can place their errors: BurntSushi/toml gives positions
// only for syntax errors.
//
// Paths are dotted keys that name array-table elements by index: "errors.3.meaning" is the
// meaning key of the fourth [[errors]] table. Headers are recorded too: "errors.3" is the line
// of that [[errors]].
type Index struct {
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

// indexKeys scans src line by line. It understands [table], [[array-table]], key = value with
// bare, quoted or dotted keys, and multi-line strings and arrays; the keys of an inline table
// it does not see. It is a locator, not a parser: the TOML decoder has already accepted the
// text.
func indexKeys(file, src string) *Index {
	ix := &Index{file: file, keys: map[string]keyPos{}, headers: map[string]bool{}}
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

func (ix *Index) add(path string, key, value Pos) {
	if _, dup := ix.keys[path]; !dup {
		ix.order = append(ix.order, path)
	}
	ix.keys[path] = keyPos{key, value}
}

// shift moves every recorded position down by n lines.
func (ix *Index) shift(n int) {
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

// Key returns the position of the key at path. A key the scanner cannot see, such as one
// inside an inline table, is placed at its nearest ancestor; failing all, the file's start.
func (ix *Index) Key(path string) Pos {
	for p := path; p != ""; p = parentPath(p) {
		if kp, ok := ix.keys[p]; ok {
			return kp.key
		}
	}
	return ix.top()
}

// top is the text's first line, where a problem no key can be found for is reported.
func (ix *Index) top() Pos { return Pos{File: ix.file, Line: 1 + ix.offset, Col: 1} }

func parentPath(p string) string {
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[:i]
	}
	return ""
}

// isHeader reports whether path, without array indexes, is a [table] header.
func (ix *Index) isHeader(path string) bool {
	return ix.headers[path]
}

// Value returns the position of the value at path, falling back like Key.
func (ix *Index) Value(path string) Pos {
	if kp, ok := ix.keys[path]; ok {
		return kp.value
	}
	return ix.Key(path)
}

// Has reports whether the text sets the key at path.
func (ix *Index) Has(path string) bool {
	_, ok := ix.keys[path]
	return ok
}

// File is the name of the file the text came from, as errors give it.
func (ix *Index) File() string { return ix.file }

// Item returns the position of the i-th string of the array at path, so that an error in
// fix_by = ["you", "meta", "nobody"] points at "nobody".
func (ix *Index) Item(path string, i int) Pos {
	start := ix.Value(path)
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
func (ix *Index) lineKey(line int, key string) Pos {
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
func (ix *Index) unknown(path string) []Pos {
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
