package generator

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// parallel calls f(0) … f(n-1) on every core and waits for them all. The loader decodes
// files with it and the render stage renders pages with it; callers keep results in index
// order, so the output does not depend on scheduling.
//
// Each worker takes the next index from a shared counter. A channel fed by a producing
// goroutine did the same with a hand-over per item: every receive readied the producer,
// whose wake-ups and the scheduler's waits to steal it cost tens of thousands of futex
// and nanosleep calls per build at 10,000 codes.
func parallel(n int, f func(i int)) {
	var wg sync.WaitGroup
	var next atomic.Int64
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
}
