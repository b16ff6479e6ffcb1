package generator

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files and expected errors in testdata/")

// archive is a txtar file: a comment, then files introduced by "-- name --" lines.
type archive struct {
	comment string
	files   []archiveFile
}

type archiveFile struct {
	name string
	data string
}

func parseArchive(text string) archive {
	var a archive
	lines := strings.SplitAfter(text, "\n")
	cur := -1
	var b strings.Builder
	flush := func() {
		if cur < 0 {
			a.comment = b.String()
		} else {
			a.files[cur].data = b.String()
		}
		b.Reset()
	}
	for _, line := range lines {
		trimmed := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			flush()
			a.files = append(a.files, archiveFile{name: strings.TrimSpace(trimmed[3 : len(trimmed)-3])})
			cur = len(a.files) - 1
			continue
		}
		b.WriteString(line)
	}
	flush()
	return a
}

func formatArchive(a archive) string {
	var b strings.Builder
	b.WriteString(a.comment)
	for _, f := range a.files {
		b.WriteString("-- " + f.name + " --\n")
		b.WriteString(f.data)
		if f.data != "" && !strings.HasSuffix(f.data, "\n") {
			b.WriteString("\n")
		}
	}
	return b.String()
}

func (a archive) file(name string) (string, bool) {
	for _, f := range a.files {
		if f.name == name {
			return f.data, true
		}
	}
	return "", false
}

// testToday is the tests' today, so that what a checked_on may say does not depend on the clock.
var testToday = time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)

// input turns files named data/… and content/… into a build input, as the CLI would see it,
// on testToday.
func input(files map[string]string) Input {
	data, content := fstest.MapFS{}, fstest.MapFS{}
	for name, text := range files {
		switch {
		case strings.HasPrefix(name, "data/"):
			data[strings.TrimPrefix(name, "data/")] = &fstest.MapFile{Data: []byte(text)}
		case strings.HasPrefix(name, "content/"):
			content[strings.TrimPrefix(name, "content/")] = &fstest.MapFile{Data: []byte(text)}
		}
	}
	return Input{Data: data, DataDir: "data", Content: content, ContentDir: "content", Today: testToday}
}

// projectLayers returns the repository's own templates and static files, as the embedded
// defaults would be, with an optional override layer of files named templates/….
func projectLayers(t testing.TB, override map[string]string) (tmpl, static fs.FS) {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	disk := fstest.MapFS{}
	for name, text := range override {
		if rest, ok := strings.CutPrefix(name, "templates/"); ok {
			disk[rest] = &fstest.MapFile{Data: []byte(text)}
		}
	}
	tl := &Layers{Disk: disk, DiskDir: "templates", Default: os.DirFS(filepath.Join(root, "templates")), DefaultName: "embedded templates"}
	sl := &Layers{Default: os.DirFS(filepath.Join(root, "static")), DefaultName: "embedded static"}
	return tl, sl
}

// build loads and renders files with the project's templates.
func build(t testing.TB, files map[string]string, opt Options) (Files, error) {
	t.Helper()
	site, err := Load(input(files))
	if err != nil {
		return nil, err
	}
	opt.Templates, opt.Static = projectLayers(t, files)
	return renderFiles(site, opt)
}

func archiveFiles(a archive) map[string]string {
	m := map[string]string{}
	for _, f := range a.files {
		m[f.name] = f.data
	}
	return m
}

func readArchive(t testing.TB, path string) archive {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Kept byte for byte: some cases test CRLF line endings and byte order marks.
	return parseArchive(string(b))
}

func writeWant(t *testing.T, path string, a archive, got string) {
	t.Helper()
	replaced := false
	for i := range a.files {
		if a.files[i].name == "want" {
			a.files[i].data, replaced = got, true
		}
	}
	if !replaced {
		a.files = append(a.files, archiveFile{name: "want", data: got})
	}
	if err := os.WriteFile(path, []byte(formatArchive(a)), 0o644); err != nil {
		t.Fatal(err)
	}
}
