// Command kb builds the WhatsApp error knowledge base from data/ and content/.
//
//	go run . build    write the site to public/
//	go run . check    validate everything, write nothing
//	go run . serve    preview on http://127.0.0.1:1313/, rebuilding on every save
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"time"

	"github.com/waerrors/kb/generator"
	"github.com/waerrors/kb/internal/devserver"
)

func main() {
	os.Exit(runCommand(os.Args[1:], os.Stdout, os.Stderr, true))
}

const usage = `kb builds the WhatsApp Business API error knowledge base.

Usage:
  go run . build [flags]   read data/ and content/, write the site to public/
  go run . check [flags]   validate data/, content/ and templates; write nothing
  go run . serve [flags]   preview on 127.0.0.1, rebuild and reload on every save

Run "go run . <command> --help" for a command's flags.
`

// config is what the three commands share: where the input is and how to render it.
type config struct {
	data, content, templates, static string
	out, settings                    string
	cpuProfile, memProfile           string
	stale                            bool
	site                             generator.Settings
	flags                            *flag.FlagSet
}

func (c *config) register(fs *flag.FlagSet, withOut bool) {
	fs.StringVar(&c.data, "data", "data", "folder of TOML data")
	fs.StringVar(&c.content, "content", "content", "folder of Markdown pages")
	fs.StringVar(&c.templates, "templates", "templates", "folder of templates that override the built-in ones")
	fs.StringVar(&c.static, "static", "static", "folder of static files that override the built-in ones")
	fs.StringVar(&c.settings, "config", "site.toml", "site settings file; the flags below override it")
	fs.StringVar(&c.site.BaseURL, "base-url", "", "address the site is published at, such as https://org.github.io/kb/ (default: relative links)")
	fs.StringVar(&c.site.Title, "title", "", "site title")
	fs.StringVar(&c.site.RepoURL, "repo-url", "", "repository for \"Edit this entry\" links")
	fs.StringVar(&c.site.Branch, "branch", "", "branch for edit links")
	fs.BoolVar(&c.site.NoIndex, "noindex", false, "ask search engines not to index the site")
	c.flags = fs
	if withOut {
		fs.StringVar(&c.out, "out", "public", "output folder")
	}
}

// run is the command as tests call it, many times in one long process: with Go's own
// garbage collector settings.
func run(args []string, stdout, stderr io.Writer) int {
	return runCommand(args, stdout, stderr, false)
}

// runCommand runs one command. tuneGC is true when the program runs as the command, whose
// build and check run once and exit, so that the collector may run less often.
func runCommand(args []string, stdout, stderr io.Writer, tuneGC bool) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, args := args[0], args[1:]
	var cfg config
	flags := flag.NewFlagSet(cmd, flag.ContinueOnError)
	flags.SetOutput(stderr)
	switch cmd {
	case "build":
		cfg.register(flags, true)
		flags.StringVar(&cfg.cpuProfile, "cpuprofile", "", "write a CPU profile to this file (for go tool pprof)")
		flags.StringVar(&cfg.memProfile, "memprofile", "", "write a heap profile to this file at the end")
		flags.Usage = helpFor(flags, "build reads data/ and content/, checks every page and link, and writes the site to --out.\nA failed build leaves the previous output as it was.")
	case "check":
		cfg.register(flags, false)
		flags.BoolVar(&cfg.stale, "stale", false, "list the code files not checked against Meta's documentation in the last 180 days, oldest first, and nothing else")
		flags.Usage = helpFor(flags, "check validates the data, the pages and the templates and checks every link, exactly as build\ndoes, but writes nothing. It prints every problem as file:line:column: message.")
	case "serve":
		cfg.register(flags, false)
		port := flags.Int("port", 1313, "port to listen on")
		addr := flags.String("addr", "127.0.0.1", "address to listen on")
		flags.Usage = helpFor(flags, "serve builds the site in memory and serves it on 127.0.0.1. It rebuilds when a file under\n--data, --content, --templates or --static changes and reloads open pages. A failed rebuild is\nshown in the terminal and on the page; the last good site keeps being served.")
		if err := flags.Parse(args); err != nil {
			return exitForParse(err)
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		sc := cfg.serveConfig(fmt.Sprintf("%s:%d", *addr, *port))
		sc.Log = stderr
		err := devserver.Serve(ctx, sc)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		return 0
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	if err := flags.Parse(args); err != nil {
		return exitForParse(err)
	}
	if tuneGC && os.Getenv("GOGC") == "" {
		debug.SetGCPercent(buildGCPercent)
	}
	if cfg.cpuProfile != "" {
		f, err := os.Create(cfg.cpuProfile)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if cfg.memProfile != "" {
		defer writeHeapProfile(cfg.memProfile, stderr)
	}
	start := time.Now()
	site, opt, err := cfg.load(nil, generator.ReadHistory(generator.RepoPath(cfg.data), generator.RepoPath(cfg.content)))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if tuneGC && os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(max(buildMemoryFloor, 3*liveHeap()))
	}
	if cmd == "check" {
		n, err := generator.Check(site, opt)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		// An old check is a reminder, not a failure: the site is still right until Meta
		// changes its pages, and CI must not break on a date.
		stale := generator.Stale(site, time.Now())
		if cfg.stale {
			for _, c := range stale {
				fmt.Fprintln(stdout, generator.StaleNote(c, time.Now()))
			}
			return 0
		}
		for _, c := range stale {
			fmt.Fprintln(stderr, "warning: "+generator.StaleNote(c, time.Now()))
		}
		fmt.Fprintf(stdout, "ok: %d files would be written\n", n)
		return 0
	}
	n, err := generator.Build(site, opt, cfg.out)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d files to %s in %v\n", n, cfg.out, time.Since(start).Round(time.Millisecond))
	return 0
}

// buildGCPercent is the garbage collector's GOGC for build and check, which run once and
// exit; serve keeps Go's default of 100. At 10,000 codes the collector took a tenth of a
// build's CPU; at 150 it runs a third less often, for about 7% less CPU and a peak RSS about
// 40 MB higher (medians of 5 runs each: 5.62 -> 5.22 CPU s, 260 -> 300 MB). A GOGC in the
// environment wins.
const buildGCPercent = 150

// The higher GOGC lets the heap reach 2.5 times what is live, where 100 let it reach twice;
// rendering holds at its peak about 1.4 times what the loaded site holds. A soft memory
// limit of three times the loaded site's heap, and at least buildMemoryFloor, makes the
// collector run earlier only near that peak, so that a build's peak memory stays where
// GOGC 100 put it, while the limit stays more than twice the most a build holds at any size.
const buildMemoryFloor = 300 << 20

// liveHeap is the heap the last collection found live, in bytes.
func liveHeap() int64 {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(sample[0].Value.Uint64())
}

func writeHeapProfile(path string, stderr io.Writer) {
	f, err := os.Create(path)
	if err == nil {
		err = pprof.WriteHeapProfile(f)
		f.Close()
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
	}
}

func helpFor(flags *flag.FlagSet, text string) func() {
	return func() {
		fmt.Fprintf(flags.Output(), "usage: go run . %s [flags]\n\n%s\n\nFlags:\n", flags.Name(), text)
		flags.PrintDefaults()
	}
}

func exitForParse(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}

// settingsWithFlags reads the settings file and lets the flags that were given win.
func (c *config) settingsWithFlags() (generator.Settings, error) {
	s, err := generator.LoadSettings(c.settings)
	if err != nil {
		return s, err
	}
	c.flags.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "base-url":
			s.BaseURL = c.site.BaseURL
		case "title":
			s.Title = c.site.Title
		case "repo-url":
			s.RepoURL = c.site.RepoURL
		case "branch":
			s.Branch = c.site.Branch
		case "noindex":
			s.NoIndex = c.site.NoIndex
		}
	})
	return s, nil
}

// load reads the settings and the data, and says how to render them.
func (c *config) load(cache *generator.Cache, history generator.History) (*generator.Site, generator.Options, error) {
	settings, err := c.settingsWithFlags()
	if err != nil {
		return nil, generator.Options{}, err
	}
	site, err := generator.Load(generator.Input{
		// Files are named relative to the repository, for edit links and git dates.
		Data: os.DirFS(c.data), DataDir: generator.RepoPath(c.data),
		Content: os.DirFS(c.content), ContentDir: generator.RepoPath(c.content),
		Cache: cache,
	})
	if err != nil {
		return nil, generator.Options{}, err
	}
	tmpl, _ := fs.Sub(defaults, "templates")
	static, _ := fs.Sub(defaults, "static")
	return site, generator.Options{
		Settings:  settings,
		History:   history,
		Templates: generator.NewLayers(c.templates, tmpl, "embedded templates"),
		Static:    generator.NewLayers(c.static, static, "embedded static"),
	}, nil
}

// serveConfig wires the dev server to the generator. A save reloads only the changed files
// (a watched Cache drops them) and renders pages as the browser asks for them (a Preview);
// the whole check, every page and every link, follows in the background.
func (c *config) serveConfig(addr string) devserver.Config {
	history := generator.ReadHistory(generator.RepoPath(c.data), generator.RepoPath(c.content))
	cache := generator.NewCache()
	cache.Watch()
	inputs := []generator.Folder{{Path: c.data, Name: generator.RepoPath(c.data)}, {Path: c.content, Name: generator.RepoPath(c.content)}}
	return devserver.Config{
		Addr:    addr,
		Watch:   []string{c.data, c.content, c.templates, c.static, c.settings},
		Changed: func(paths []string) { cache.ForgetChanged(inputs, paths) },
		Build: func() (devserver.Site, error) {
			site, opt, err := c.load(cache, history)
			if err != nil {
				return nil, err
			}
			preview, err := generator.NewPreview(site, opt)
			if err != nil {
				return nil, err
			}
			return preview, nil
		},
		Check: func() error {
			site, opt, err := c.load(cache, history)
			if err == nil {
				_, err = generator.Check(site, opt)
			}
			return err
		},
	}
}
