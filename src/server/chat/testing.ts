// What the chat tests share: tiny real images, and calls as a persona.
import { deflateSync } from 'node:zlib'
import { ChatMessageSchema, ChatViewSchema } from '../../contract/chat.ts'
import type { ChatMessage, ChatView } from '../../contract/chat.ts'
import type { Harness } from '../http/testing.ts'

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A valid grey PNG of `width`×`height`, padded with an ancillary chunk to about `size` bytes. */
export function pngOf(width: number, height: number, size = 0): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 0, 0, 0, 0], 8)
  const rows = Buffer.alloc((width + 1) * height, 0x80)
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0
  const parts = [
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
  ]
  const used = parts.reduce((n, p) => n + p.length, 0) + 12
  if (size > used + 12) parts.push(chunk('tEXt', Buffer.alloc(size - used - 12, 0x61)))
  parts.push(chunk('IEND', Buffer.alloc(0)))
  return Buffer.concat(parts)
}

/** The first bytes of a baseline JPEG of `width`×`height` (SOI, APP0, SOF0): enough to be sized. */
export function jpegOf(width: number, height: number): Buffer {
  const app0 = Buffer.from([
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
  ])
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, 0, 0, 0, 0, 0x01, 0x01, 0x11, 0x00])
  sof.writeUInt16BE(height, 5)
  sof.writeUInt16BE(width, 7)
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])])
}

/** Headers of a call as `persona`, in `world` (none: the default world). */
export const as = (persona: string, world?: string): Record<string, string> => ({
  'x-sim-persona': persona,
  ...(world ? { 'x-sim-world': world } : {}),
})

export async function chatOf(
  h: Pick<Harness, 'call'>,
  persona: string,
  world?: string,
): Promise<ChatView> {
  const res = await h.call('GET', '/api/chat', { headers: as(persona, world) })
  if (res.status !== 200) throw new Error(`chat: ${res.status} ${await res.text()}`)
  return ChatViewSchema.parse(await res.json())
}

export async function sendText(
  h: Pick<Harness, 'call'>,
  persona: string,
  to: string,
  text: string,
  world?: string,
): Promise<ChatMessage> {
  const res = await h.call('POST', '/api/chat/messages', {
    body: { to, kind: 'text', text },
    headers: as(persona, world),
  })
  if (res.status !== 201) throw new Error(`send: ${res.status} ${await res.text()}`)
  return ChatMessageSchema.parse(await res.json())
}

/** Uploads `bytes` as an image message (`type` its Content-Type). */
export function upload(
  h: Pick<Harness, 'app'>,
  persona: string,
  to: string,
  bytes: Uint8Array,
  type = 'image/png',
  world?: string,
) {
  return h.app.request(`/api/chat/images?to=${to}`, {
    method: 'POST',
    headers: { ...as(persona, world), 'content-type': type },
    body: new Uint8Array(bytes),
  })
}
