import { z } from 'zod'

// The production CSP forbids eval: zod's JIT would probe `new Function` once, and a strict CSP reports
// even that caught probe as a violation. Interpreted parsing is plenty fast for the browser's payloads.
z.config({ jitless: true })
