import { lookup as dnsLookup } from 'node:dns'
import type { LookupAddress, LookupOptions } from 'node:dns'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { isIP } from 'node:net'
import type { LookupFunction } from 'node:net'
import { hostOf } from './allow.ts'
import type { NotifyAllow } from './allow.ts'

export interface NotifyRequest {
  url: string
  headers: Record<string, string>
  body: string
  /**
   * Whether the merchant's answer acknowledges: by default any 2xx (WeChat); Alipay wants the plain
   * text `success` too, so the answer's text (its first 64 KiB) is read for it.
   */
  acknowledged?: (status: number, text: string) => boolean
}

/** How one POST went: a 2xx acknowledges, anything else (3xx included: no redirect is followed) fails. */
export interface NotifyResult {
  ok: boolean
  status: number | null
  error: string | null
  /** What the merchant answered (its first 64 KiB), for the console; absent when nothing came. */
  body?: string
}

/** Sends one notification over the wire. */
export type NotifyTransport = (request: NotifyRequest) => Promise<NotifyResult>

/** How long WeChat waits for a notify_url to answer. */
export const NOTIFY_TIMEOUT_MS = 5000
const MAX_ANSWER_BYTES = 64 * 1024

/** A DNS lookup whose answers are checked against the allow-list as the socket connects. */
function guardedLookup(allow: NotifyAllow): LookupFunction {
  return (hostname, options: LookupOptions, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0)
      const allowed = addresses.filter((a) => allow.allows(a.address))
      if (allowed.length === 0) {
        const refused = Object.assign(
          new Error(
            `${hostname} resolves to ${addresses.map((a) => a.address).join(', ') || 'nothing'}, which GATEWAY_NOTIFY_ALLOW (${allow.text}) does not allow`,
          ),
          { code: 'ENOTALLOWED' },
        )
        return callback(refused, '', 0)
      }
      if (options.all) return callback(null, allowed)
      const first = allowed[0]
      return callback(null, first?.address ?? '', first?.family ?? 4)
    })
  }
}

/**
 * POSTs over real HTTP(S), to allowed addresses only (checked on the address connected to), with
 * WeChat's 5-second timeout and no redirects followed.
 */
export function httpTransport(allow: NotifyAllow, timeoutMs = NOTIFY_TIMEOUT_MS): NotifyTransport {
  const lookup = guardedLookup(allow)
  return (notify) =>
    new Promise<NotifyResult>((done) => {
      let url: URL
      try {
        url = new URL(notify.url)
      } catch {
        return done({ ok: false, status: null, error: 'notify_url is not a URL' })
      }
      const host = hostOf(url)
      if (isIP(host) !== 0 && !allow.allows(host)) {
        return done({
          ok: false,
          status: null,
          error: `${host} is not allowed by GATEWAY_NOTIFY_ALLOW (${allow.text})`,
        })
      }
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest
      let settled = false
      const finish = (result: NotifyResult) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        done(result)
      }
      const req = send(
        url,
        {
          method: 'POST',
          lookup,
          agent: false,
          headers: { ...notify.headers, 'content-length': String(Buffer.byteLength(notify.body)) },
        },
        (res) => {
          let received = 0
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => {
            received += chunk.length
            if (received > MAX_ANSWER_BYTES) res.destroy()
            else chunks.push(chunk)
          })
          res.on('error', () => {})
          res.on('close', () => {
            const status = res.statusCode ?? 0
            const twoHundred = status >= 200 && status < 300
            const text = Buffer.concat(chunks).toString('utf8')
            const ok = notify.acknowledged ? notify.acknowledged(status, text) : twoHundred
            finish({
              ok,
              status,
              body: text,
              error: ok
                ? null
                : status >= 300 && status < 400
                  ? `answered ${status} (a redirect is not followed)`
                  : twoHundred
                    ? `answered ${status} ${JSON.stringify(text.slice(0, 40))}, not success`
                    : `answered ${status}`,
            })
          })
          res.resume()
        },
      )
      const timer = setTimeout(() => {
        req.destroy(new Error(`no answer within ${timeoutMs} ms`))
      }, timeoutMs)
      req.on('error', (error) => finish({ ok: false, status: null, error: error.message }))
      req.end(notify.body)
    })
}
