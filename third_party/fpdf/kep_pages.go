package fpdf

import "sync"

// kep patch: pages compressed as soon as the caller says they are complete (PageDone),
// on a goroutine of its own, instead of all at once in putpages.

// earlyPages holds the pages given to PageDone and their compressed streams.
type earlyPages struct {
	mu      sync.Mutex
	queue   []earlyPage       // waiting for the worker
	done    map[int]earlyPage // page number → its compressed stream
	given   map[int]int       // page number → its length when last given: given again unchanged, it is skipped
	running bool              // a worker goroutine is compressing the queue
	current int               // the page it compresses, 0 if none
	stopped bool              // putpages has begun: no page is taken any more
	wg      sync.WaitGroup
	failed  *panicValue
}

type earlyPage struct {
	n    int
	data []byte     // the page's content when it was given; appends never change it
	mem  *membuffer // its compressed stream, once made
}

// PageDone tells fpdf that the content of page n is complete (kep patch). With
// compression on, the page is compressed now, on a goroutine of its own, while the
// caller goes on with other pages; Output then writes that stream instead of
// compressing the page again. Output compresses again, as without PageDone, a page
// whose content changed after the call (the content of a page only grows, so its
// length tells), and every page when an alias is replaced. Writing a page's content
// after PageDone is allowed but wastes the work; giving a page again unchanged is
// skipped. kep calls it as soon as its layout leaves a page (the running head and
// footer go into the page's overlay later, kep_overlay.go).
func (f *Fpdf) PageDone(n int) {
	if !f.compress || f.err != nil || n < 1 || n > f.page || f.state == 3 || f.overlay.page == n {
		return
	}
	if f.early == nil {
		f.early = new(earlyPages)
	}
	e := f.early
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.stopped {
		return
	}
	l := f.pages[n].Len()
	if l2, ok := e.given[n]; ok && l2 == l {
		return // the same content is queued or compressed already
	}
	if e.given == nil {
		e.given = map[int]int{}
	}
	e.given[n] = l
	e.queue = append(e.queue, earlyPage{n: n, data: f.pages[n].Bytes()})
	if !e.running {
		e.running = true
		e.wg.Add(1)
		go e.work()
	}
}

// work compresses the queued pages, one after the other, until the queue is empty or
// putpages has begun.
func (e *earlyPages) work() {
	defer e.wg.Done()
	defer func() {
		if r := recover(); r != nil {
			e.mu.Lock()
			e.failed = &panicValue{r}
			e.running = false
			e.mu.Unlock()
		}
	}()
	for {
		e.mu.Lock()
		if e.stopped || len(e.queue) == 0 {
			e.running = false
			e.mu.Unlock()
			return
		}
		p := e.queue[0]
		e.queue = e.queue[1:]
		e.current = p.n
		e.mu.Unlock()
		p.mem = xmem.compress(p.data)
		e.mu.Lock()
		if e.done == nil {
			e.done = map[int]earlyPage{}
		}
		if old, ok := e.done[p.n]; ok {
			old.mem.release()
		}
		e.done[p.n] = p
		e.current = 0
		e.mu.Unlock()
	}
}

// compressPages returns the compressed content of pages 1 to nb for putpages: the
// streams PageDone made for pages unchanged since; the others are compressed in
// parallel (compressAll) while the worker finishes the page it is on. With aliases to
// replace, every page is compressed after the replacement.
func (f *Fpdf) compressPages(nb int) []*membuffer {
	e := f.early
	if e == nil {
		e = new(earlyPages)
	}
	e.mu.Lock()
	e.stopped = true
	e.queue = nil
	early, current := e.done, e.current // current: the page the worker is on
	e.done = nil
	e.mu.Unlock()
	if len(f.aliasMap) > 0 {
		// replaceAliases rewrites the pages' bytes: the worker must be done reading them,
		// and none of its streams is of the final content.
		e.wg.Wait()
		for _, m := range []map[int]earlyPage{early, e.done} {
			for _, p := range m {
				p.mem.release()
			}
		}
		early, current, e.done = nil, 0, nil
		f.replaceAliases()
	}
	// The worker reads only the bytes a page held at PageDone, which appends do not
	// change: the other pages are compressed meanwhile.
	zpages := make([]*membuffer, nb)
	var data [][]byte
	var idx []int
	for n := 1; n <= nb; n++ {
		if p, ok := early[n]; ok && len(p.data) == f.pages[n].Len() {
			zpages[n-1] = p.mem
			delete(early, n)
		} else if n != current {
			data = append(data, f.pages[n].Bytes())
			idx = append(idx, n-1)
		}
	}
	for _, p := range early { // pages written to after PageDone
		p.mem.release()
	}
	for i, mem := range xmem.compressAll(data) {
		zpages[idx[i]] = mem
	}
	e.wg.Wait()
	if e.failed != nil {
		panic(e.failed.v) // in the caller's goroutine, where its recover can catch it
	}
	if current > 0 && current <= nb {
		p, ok := e.done[current]
		if ok && len(p.data) == f.pages[current].Len() {
			zpages[current-1] = p.mem
		} else {
			if ok {
				p.mem.release()
			}
			zpages[current-1] = xmem.compress(f.pages[current].Bytes())
		}
	}
	e.done = nil
	return zpages
}

// stopEarly stops PageDone's worker and waits for it, its streams unused: for putpages
// without compression, whose replaceAliases must not rewrite a page the worker reads.
func (f *Fpdf) stopEarly() {
	e := f.early
	if e == nil {
		return
	}
	e.mu.Lock()
	e.stopped = true
	e.queue = nil
	e.mu.Unlock()
	e.wg.Wait()
	e.done = nil
}
