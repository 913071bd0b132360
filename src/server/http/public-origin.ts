import { networkInterfaces } from 'node:os'

/** The origin links and codes are made with (a scan code's web form), for a request to `requestUrl`. */
export type PublicOrigin = (requestUrl: string) => string

function ownAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .map((info) => (info.family === 'IPv6' ? `[${info.address}]` : info.address))
}

/**
 * `PUBLIC_URL` when set (its origin, for every link); otherwise the request's own origin when its host
 * is one this server answers to for real: localhost, this machine's addresses, or `ALLOWED_HOSTS`
 * (comma-separated names). A `Host` header is the caller's to write, so an arbitrary one never ends up
 * in a code another phone will open: it gets `http://localhost:<port>` instead.
 */
export function publicOriginFromEnv(env: NodeJS.ProcessEnv = process.env): PublicOrigin {
  const configured = env.PUBLIC_URL?.trim()
  if (configured) {
    let url: URL
    try {
      url = new URL(configured)
    } catch {
      throw new Error(`PUBLIC_URL: not a URL: ${configured}`)
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error(`PUBLIC_URL: http or https only, not ${url.protocol}`)
    }
    const origin = url.origin
    return () => origin
  }
  const allowed = new Set(
    ['localhost', '127.0.0.1', '[::1]', ...ownAddresses(), ...(env.ALLOWED_HOSTS ?? '').split(',')]
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean),
  )
  const originOf = (requestUrl: string): string => {
    let url: URL
    try {
      url = new URL(requestUrl)
    } catch {
      return 'http://localhost'
    }
    const host = url.hostname.toLowerCase()
    if (allowed.has(host) || host.endsWith('.localhost')) return url.origin
    return `${url.protocol}//localhost${url.port ? `:${url.port}` : ''}`
  }
  // Every call of a server comes with one of a few scheme://host:port prefixes: parsing a URL per
  // payment answer showed in the gateway's profile, so each prefix's answer is remembered (bounded).
  const known = new Map<string, string>()
  return (requestUrl) => {
    const slash = requestUrl.indexOf('/', requestUrl.indexOf('//') + 2)
    const prefix = slash < 0 ? requestUrl : requestUrl.slice(0, slash)
    // Only a plain prefix is remembered: anything URL parsing could read otherwise (userinfo, a
    // backslash, a query or fragment right after the host, odd characters) is parsed every time.
    if (!/^https?:\/\/[\w.:[\]-]+$/i.test(prefix)) return originOf(requestUrl)
    let origin = known.get(prefix)
    if (origin === undefined) {
      origin = originOf(requestUrl)
      if (known.size >= 64) known.clear()
      known.set(prefix, origin)
    }
    return origin
  }
}
