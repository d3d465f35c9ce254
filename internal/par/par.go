// Package par runs independent pieces of work on all cores.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Do calls do(i) for every i in [0, n), on as many goroutines as there are
// cores, and returns when all calls have returned. The calls must not
// depend on each other's order: each writes only its own result.
func Do(n int, do func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				do(i)
			}
		})
	}
	wg.Wait()
}
