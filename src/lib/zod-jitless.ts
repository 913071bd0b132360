/**
 * zod's global config, set before zod itself is loaded (it adopts `globalThis.__zod_globalConfig` if
 * there is one): with `jitless`, no schema probes `new Function` when it is *defined*, which the strict
 * CSP reports as a violation. zod-config.ts says the same once zod is there; this one costs no zod in
 * the first chunk and does not depend on which chunk the bundler evaluates first.
 */
const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } }
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true }
