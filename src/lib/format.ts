import type { Fen } from '@/contract/money.ts'

/**
 * Integer fen → "¥1,234.50", as both languages write it (Intl's zh-CN and en agree, format.test.ts holds
 * them to it). By hand: the first Intl.NumberFormat sets up ICU, some 35 ms of a phone's first screen.
 */
export function formatMoney(fen: Fen, _lang: string): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(Math.round(fen))
  const cents = String(abs % 100).padStart(2, '0')
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}¥${yuan}.${cents}`
}

/** 13812345678 → 138****5678 (the middle four digits hidden). */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '')
  if (digits.length < 7) return digits
  const start = Math.floor((digits.length - 4) / 2)
  return `${digits.slice(0, start)}****${digits.slice(start + 4)}`
}

/** Milliseconds left → "29:59", or "1:05:09" past an hour. Never negative. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const mm = String(m).padStart(2, '0')
  const ss = String(s).padStart(2, '0')
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`
}

/** "14:05" in the viewer's time zone. */
export function formatClockTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso))
}

/** "2024/09/04 14:05:09". */
export function formatDateTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(new Date(iso))
}
