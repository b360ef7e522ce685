package main

import (
	"context"
	"errors"
	"flag"
	"io"
	"net"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/kepdev/kep/internal/app"
	"github.com/kepdev/kep/internal/preview"
	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/figures"
	"github.com/kepdev/kep/render"
)

const (
	defaultServeAddr = "127.0.0.1:8080"
)

const serveUsage = `usage: kep serve [--addr HOST:PORT] [--allow-host NAME]… FILE…

Live preview: serves each plan as HTML at http://HOST:PORT/plan/N, re-renders it when the
plan, its workspace file or a brand asset changes and reloads the page in the browser.
Errors are shown in the page. Listens on 127.0.0.1:8080 unless --addr says otherwise.

Flags:
	--addr HOST:PORT    where to listen (default 127.0.0.1:8080, loopback only); another
	                    address shows the plans to the network, with a warning
	--allow-host NAME   also answer requests addressed to NAME, a host name or IP address
	                    (repeatable, or a comma-separated list; a port is ignored)

On every address, kep serve answers only requests addressed to localhost, a name ending
in .localhost, 127.0.0.0/8 or [::1], and the names given with --allow-host; any other
(for example the machine's own name or LAN address) gets "421 Misdirected Request".
This keeps a web page from reading the plans through a name of its own (DNS rebinding).
To open the preview from another machine: --addr 0.0.0.0:8080 --allow-host NAME, where
NAME is what that machine's browser shows in its address bar.

At most 64 pages reload live at once (a further page works but does not reload) and at
most 256 connections are served at once; a slow or idle connection is closed.

Exit status: 0 stopped with Ctrl-C (or SIGTERM); 2 wrong usage, a plan file that does
not exist, or an address that cannot be listened on. Plans with errors are served,
with their errors in the page.
`

// runServe is "kep serve": it listens, serves the previews until SIGINT or SIGTERM and then
// shuts down cleanly, ending the open event streams.
func runServe(args []string, stdout, stderr io.Writer) int {
	return runServeContext(context.Background(), args, stdout, stderr)
}

// runServeContext is runServe, stopped also when ctx is done (tests).
func runServeContext(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl, allow := newServeFlags()
	files, err := parseInterspersed(fl, args)
	if errors.Is(err, flag.ErrHelp) {
		return writeHelp(stdout, stderr, "serve", helpText(serveUsage))
	}
	if err != nil {
		say(stderr, "kep serve: %v\n%s", err, helpText(serveUsage))
		return 2
	}
	if len(files) == 0 {
		io.WriteString(stderr, helpText(serveUsage))
		return 2
	}
	if files, err = expandPatterns(files); err != nil {
		say(stderr, "kep serve: %v\n", err)
		return 2
	}
	files = distinctFiles(files) // a plan named twice is previewed once
	addr := fl.Lookup("addr").Value.String()
	addrGiven := false
	fl.Visit(func(f *flag.Flag) { addrGiven = addrGiven || f.Name == "addr" })
	for _, f := range files {
		// As for render: a readable plan file, not a folder, a device or kep.toml.
		if err := checkPlanInput(f); err != nil {
			say(stderr, "kep serve: %v\n", err)
			return 2
		}
	}

	ln, err := net.Listen("tcp", addr)
	if err != nil {
		if addrInUse(err) {
			say(stderr, "kep serve: %s is in use by another program (another kep serve?); try another port: --addr %s\n", addr, nextPort(addr))
			return 2
		}
		say(stderr, "kep serve: %v\n", err)
		return 2
	}
	if !isLoopbackAddr(ln.Addr()) {
		if !addrGiven { // cannot happen with the default address, but never by accident
			ln.Close()
			say(stderr, "kep serve: refusing to listen on non-loopback %s without --addr\n", ln.Addr())
			return 2
		}
		say(stderr, "kep serve: WARNING: listening on %s, which is not loopback:\n"+
			"kep serve: WARNING: anyone who can reach this machine can read these plans.\n", ln.Addr())
		if len(allow.names) == 0 {
			say(stderr, "kep serve: only requests addressed to localhost are answered; "+
				"name this machine as other browsers reach it with --allow-host NAME\n")
		}
	}
	if len(allow.names) > 0 {
		say(stderr, "kep serve: answering requests addressed to localhost and to %s\n", strings.Join(allow.names, ", "))
	}

	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	pv := preview.New(files, defaultPipeline(), stderr)
	pv.AllowHosts(allow.set())
	say(stderr, "kep serve: previewing %d plan(s) at http://%s/ (Ctrl-C to stop)\n", len(files), browseAddr(ln.Addr()))
	if err := pv.Serve(ctx, ln); err != nil {
		say(stderr, "kep serve: %v\n", err)
		return 2
	}
	say(stderr, "kep serve: stopped\n")
	return 0
}

func newServeFlags() (*flag.FlagSet, *hostList) {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	fl.String("addr", defaultServeAddr, "address to listen on, host:port")
	allow := &hostList{}
	fl.Var(allow, "allow-host", "also answer requests addressed to this host name or address")
	return fl, allow
}

// hostList is the value of --allow-host: host names and addresses, normalised as
// requestHost normalises a request's Host header.
type hostList struct{ names []string }

func (h *hostList) String() string { return strings.Join(h.names, ",") }

func (h *hostList) Set(v string) error {
	for _, part := range strings.Split(v, ",") {
		part = strings.TrimSpace(part)
		name := preview.NormalHost(part)
		if name == "" || strings.ContainsAny(part, "/*@ \t") {
			return errorf("--allow-host %q: want a host name or an IP address", part)
		}
		if !slices.Contains(h.names, name) {
			h.names = append(h.names, name)
		}
	}
	return nil
}

func (h *hostList) set() map[string]bool {
	m := make(map[string]bool, len(h.names))
	for _, n := range h.names {
		m[n] = true
	}
	return m
}

// parseInterspersed parses flags that may stand before, between or after the file names.
func parseInterspersed(fl *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	for {
		if err := fl.Parse(args); err != nil {
			return nil, err
		}
		args = fl.Args()
		if len(args) == 0 {
			return files, nil
		}
		if args[0] == "--" || !strings.HasPrefix(args[0], "-") || args[0] == "-" {
			if args[0] == "--" {
				return append(files, args[1:]...), nil
			}
			files = append(files, args[0])
			args = args[1:]
		}
	}
}

// addrInUse reports a listen error because the port is taken (Windows: WSAEADDRINUSE).
func addrInUse(err error) bool {
	var errno syscall.Errno
	return errors.Is(err, syscall.EADDRINUSE) || errors.As(err, &errno) && errno == 10048
}

// nextPort is addr with the port after its own, as the address to try instead.
func nextPort(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	n, nerr := strconv.Atoi(port)
	if err != nil || nerr != nil || n <= 0 || n >= 65535 {
		return "127.0.0.1:8081"
	}
	return net.JoinHostPort(host, strconv.Itoa(n+1))
}

// browseAddr is the address to open in a browser on this machine: a wildcard listener
// ("[::]:8080") is reached as localhost.
func browseAddr(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok || !tcp.IP.IsUnspecified() {
		return a.String()
	}
	return net.JoinHostPort("localhost", strconv.Itoa(tcp.Port))
}

func isLoopbackAddr(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// defaultPipeline is the program's own: the same loader, figures and writers as kep render.
func defaultPipeline() preview.Pipeline {
	write := func(format string) func(io.Writer, *plan.Plan, *figures.Figures, time.Time) error {
		return func(w io.Writer, p *plan.Plan, f *figures.Figures, now time.Time) error {
			m, err := app.NewModel(p, f, app.Internal, render.Options{Now: now, KepVersion: kepVersion()})
			if err == nil {
				_, err = app.Write(w, format, m, app.Options{Now: now, Version: kepVersion()})
			}
			return err
		}
	}
	return preview.Pipeline{Load: app.Load, HTML: write("html"), PDF: write("pdf")}
}
