/** "¥1,234.50" (or "CN¥1,234.50") → 123450 fen. */
export function fenFromText(text: string): number {
  const match = /-?[\d,]+(?:\.\d{1,2})?/.exec(text)
  if (!match) throw new Error(`no amount in "${text}"`)
  return Math.round(Number(match[0].replaceAll(',', '')) * 100)
}
