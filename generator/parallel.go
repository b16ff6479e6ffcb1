package generator

import (
	"runtime"
	"sync"
)

// parallel calls f(0) … f(n-1) on every core and waits for them all. The loader decodes
// files with it and the render stage renders pages with it; callers keep results in index
// order, so the output does not depend on scheduling.
func parallel(n int, f func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int, 64)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
