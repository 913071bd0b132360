/**
 * A fresh Idempotency-Key: 128 random bits as hex. crypto.getRandomValues, unlike randomUUID, also works on a
 * plain-http LAN address, which is how a real phone opens the dev server.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
