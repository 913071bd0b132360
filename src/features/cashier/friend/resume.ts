import { deviceKey } from '@/lib/device.ts'

/** Orders whose share sheet was left open on this phone (over to WeChat and back): it opens again. */
const KEY = deviceKey('friend-pay-open')

function read(): string[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '[]')
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : []
  } catch {
    return []
  }
}

export function resumesFriend(orderId: string): boolean {
  return read().includes(orderId)
}

export function rememberFriend(orderId: string, open: boolean): void {
  const others = read().filter((id) => id !== orderId)
  try {
    sessionStorage.setItem(KEY, JSON.stringify(open ? [...others, orderId] : others))
  } catch {
    // Storage refused: the shopper chooses 找朋友帮忙付 again and the open request is found.
  }
}
