import { lookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'

// Where the sandbox may send notifications (GATEWAY_NOTIFY_ALLOW): addresses, not names, so a name that
// resolves somewhere else at connect time (DNS rebinding) is still refused. Entries, comma-separated:
// `loopback` (the default: 127.0.0.0/8, ::1), `private` (10/8, 172.16/12, 192.168/16, 100.64/10,
// fc00::/7, fe80::/10), `any`, an address (`192.0.2.7`, `2001:db8::1`) or a CIDR (`10.1.0.0/16`).

export interface NotifyAllow {
  /** Whether an IP address may be connected to. */
  allows(address: string): boolean
  /** The setting as given, for messages. */
  readonly text: string
}

function v4Mapped(address: string): string {
  const lower = address.toLowerCase()
  return lower.startsWith('::ffff:') && isIP(lower.slice(7)) === 4 ? lower.slice(7) : address
}

function addLoopback(list: BlockList): void {
  list.addSubnet('127.0.0.0', 8, 'ipv4')
  list.addAddress('::1', 'ipv6')
}

function addPrivate(list: BlockList): void {
  list.addSubnet('10.0.0.0', 8, 'ipv4')
  list.addSubnet('172.16.0.0', 12, 'ipv4')
  list.addSubnet('192.168.0.0', 16, 'ipv4')
  list.addSubnet('100.64.0.0', 10, 'ipv4')
  list.addSubnet('169.254.0.0', 16, 'ipv4')
  list.addSubnet('fc00::', 7, 'ipv6')
  list.addSubnet('fe80::', 10, 'ipv6')
}

/** Parses GATEWAY_NOTIFY_ALLOW; a bad entry throws (the start stops with it). */
export function parseNotifyAllow(value: string | undefined): NotifyAllow {
  const text = value?.trim() || 'loopback'
  const list = new BlockList()
  let any = false
  for (const raw of text.split(',')) {
    const entry = raw.trim()
    if (entry === '') continue
    if (entry === 'any' || entry === '*') any = true
    else if (entry === 'loopback') addLoopback(list)
    else if (entry === 'private') addPrivate(list)
    else {
      const [address = '', bits] = entry.split('/')
      const family = isIP(address)
      const prefix = bits === undefined ? (family === 4 ? 32 : 128) : Number(bits)
      if (
        family === 0 ||
        !Number.isInteger(prefix) ||
        prefix < 0 ||
        prefix > (family === 4 ? 32 : 128)
      ) {
        throw new Error(
          `GATEWAY_NOTIFY_ALLOW: "${entry}" is not loopback, private, any, an IP address or a CIDR`,
        )
      }
      list.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6')
    }
  }
  return {
    text,
    allows(address) {
      if (any) return isIP(address) !== 0
      const plain = v4Mapped(address)
      const family = isIP(plain)
      return family !== 0 && list.check(plain, family === 4 ? 'ipv4' : 'ipv6')
    },
  }
}

/** The host of a URL without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '')
}

/**
 * A notify_url as create takes it: http(s), no credentials, no query (WeChat: 不能携带参数), at most 255
 * characters, and every address its host resolves to allowed. The reason it is refused, or null.
 */
export async function refuseNotifyUrl(text: string, allow: NotifyAllow): Promise<string | null> {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return 'notify_url is not a URL'
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return 'notify_url must be http or https'
  if (url.username || url.password) return 'notify_url must carry no credentials'
  if (url.search) return 'notify_url must carry no query (不能携带参数)'
  const host = hostOf(url)
  let addresses: string[]
  if (isIP(host) !== 0) addresses = [host]
  else {
    try {
      addresses = (await lookup(host, { all: true })).map((a) => a.address)
    } catch {
      return `notify_url's host ${host} does not resolve`
    }
  }
  const refused = addresses.find((a) => !allow.allows(a))
  if (refused !== undefined || addresses.length === 0) {
    return `notify_url's host ${host} resolves to ${refused ?? 'nothing'}, which GATEWAY_NOTIFY_ALLOW (${allow.text}) does not allow`
  }
  return null
}
