// The world's WeChat chats over HTTP: delivered to the other persona's phone (list and live stream), only
// to them, bounded, validated, kept over a restart beside the journal, and removed with the world.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ChatMessageSchema } from '../../contract/chat.ts'
import { CHAT_IMAGE_MAX_BYTES } from '../../contract/chat-limits.ts'
import { ApiErrorSchema } from '../../contract/errors.ts'
import { CreatedWorldSchema } from '../../contract/worlds.ts'
import { frames } from '../console/testing.ts'
import { SEGMENT_PATTERN } from '../store/journal-format.ts'
import { harness } from '../http/testing.ts'
import type { Harness } from '../http/testing.ts'
import { as, chatOf, jpegOf, pngOf, sendText, upload } from './testing.ts'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

function dataFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'chat-test-'))
  folders.push(folder)
  return folder
}

async function newWorld(h: Harness): Promise<string> {
  const res = await h.json('POST', '/api/__test/worlds', { body: {} })
  return CreatedWorldSchema.parse(res.body).world
}

async function errorOf(res: Response) {
  return { status: res.status, ...ApiErrorSchema.parse(await res.json()) }
}

describe('the world’s chats', { timeout: 30_000 }, () => {
  it('a text from the shopper to 小美 is in both phones’ chats, each from its own side, on the world’s clock', async () => {
    const h = harness()
    const sent = await sendText(h, 'shopper', 'xiaomei', '在吗？')
    expect(sent).toMatchObject({
      from: 'shopper',
      to: 'xiaomei',
      chat: 'xiaomei',
      mine: true,
      seq: 1,
    })
    expect(sent.sentAt).toBe(new Date(h.store.now()).toISOString())

    const friend = await chatOf(h, 'friend')
    expect(friend.me).toBe('xiaomei')
    expect(friend.contacts).toContain('xiaochen')
    expect(friend.messages).toEqual([{ ...sent, chat: 'xiaochen', mine: false }])
    expect(friend.last).toBe(1)
    // Nobody else sees it.
    expect((await chatOf(h, 'low_balance')).messages).toEqual([])
  })

  it('a link card and the 文件传输助手 (only the sender’s)', async () => {
    const h = harness()
    const link = await h.json('POST', '/api/chat/messages', {
      body: {
        to: 'xiaomei',
        kind: 'link',
        url: 'http://localhost/friend-pay/abc',
        title: '帮我付一下',
        text: '谢谢',
      },
      headers: as('shopper'),
    })
    expect(link.status).toBe(201)
    expect(ChatMessageSchema.parse(link.body)).toMatchObject({ kind: 'link', title: '帮我付一下' })
    await sendText(h, 'shopper', 'filehelper', 'note to self')
    expect((await chatOf(h, 'shopper')).messages.map((m) => m.chat)).toEqual([
      'xiaomei',
      'filehelper',
    ])
    expect((await chatOf(h, 'friend')).messages.map((m) => m.kind)).toEqual(['link'])
  })

  it('refuses bad input with { code, message }: wrong type, no contact, unknown persona, not an image, too large', async () => {
    const h = harness()
    const bad = async (res: Response, status: number, code: string) => {
      const error = await errorOf(res)
      expect(error, JSON.stringify(error)).toMatchObject({ status, code })
      expect(error.message.length).toBeGreaterThan(0)
    }
    const post = (body: unknown, persona = 'shopper') =>
      h.call('POST', '/api/chat/messages', { body, headers: as(persona) })
    await bad(await post({ to: 'xiaomei', kind: 'voice', text: 'x' }), 400, 'PARAM_ERROR')
    await bad(await post({ to: 'xiaomei', kind: 'text', text: '   ' }), 400, 'PARAM_ERROR')
    await bad(
      await post({ to: 'xiaomei', kind: 'text', text: 'x'.repeat(1001) }),
      400,
      'PARAM_ERROR',
    )
    await bad(
      await post({ to: 'xiaomei', kind: 'link', url: 'javascript:alert(1)', title: 'x' }),
      400,
      'PARAM_ERROR',
    )
    await bad(await post({ to: 'nobody', kind: 'text', text: 'x' }), 400, 'PARAM_ERROR')
    await bad(await post({ to: 'xiaomei', kind: 'text', text: 'x', extra: 1 }), 400, 'PARAM_ERROR')
    await bad(await post('not json'), 400, 'PARAM_ERROR')
    // A contact the persona does not have: 小美 has no 妈妈 of the shopper's; the shopper has no 小林.
    await bad(await post({ to: 'mom', kind: 'text', text: 'x' }, 'friend'), 404, 'NOT_FOUND')
    await bad(await post({ to: 'xiaolin', kind: 'text', text: 'x' }), 404, 'NOT_FOUND')
    await bad(await post({ to: 'xiaomei', kind: 'text', text: 'x' }, 'xiaomei'), 400, 'PARAM_ERROR')
    await bad(await h.call('GET', '/api/chat', { headers: as('nobody') }), 400, 'PARAM_ERROR')

    await bad(
      await upload(h, 'shopper', 'xiaomei', Buffer.from('GIF89a......')),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    )
    await bad(
      await upload(h, 'shopper', 'xiaomei', Buffer.from('GIF89a'), 'image/gif'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    )
    await bad(
      await upload(h, 'shopper', 'xiaomei', pngOf(2, 2), 'text/plain'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    )
    // A PNG that says it is a JPEG: the bytes decide.
    await bad(
      await upload(h, 'shopper', 'xiaomei', pngOf(2, 2), 'image/jpeg'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    )
    await bad(
      await upload(h, 'shopper', 'xiaomei', new Uint8Array(0)),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    )
    await bad(
      await upload(h, 'shopper', 'xiaomei', pngOf(4, 4, CHAT_IMAGE_MAX_BYTES + 10)),
      413,
      'PAYLOAD_TOO_LARGE',
    )
    expect((await upload(h, 'shopper', 'mom', pngOf(2, 2))).status).toBe(201)
    await bad(await upload(h, 'friend', 'mom', pngOf(2, 2)), 404, 'NOT_FOUND')
    await bad(
      await h.call('POST', '/api/chat/images', { headers: as('shopper') }),
      400,
      'PARAM_ERROR',
    )
    await bad(await h.call('GET', '/api/chat/images/nope'), 404, 'NOT_FOUND')
    // Nothing was sent by any of them but the shopper's image to 妈妈.
    expect((await chatOf(h, 'shopper')).messages.map((m) => `${m.kind}:${m.to}`)).toEqual([
      'image:mom',
    ])
  })

  it('an image: PNG or JPEG by its bytes, sized, served as sent; a JPEG too; the cap of 2 MiB holds', async () => {
    const h = harness()
    const png = pngOf(30, 20, 5000)
    const res = await upload(h, 'shopper', 'xiaomei', png)
    expect(res.status).toBe(201)
    const sent = ChatMessageSchema.parse(await res.json())
    expect(sent).toMatchObject({
      kind: 'image',
      type: 'image/png',
      width: 30,
      height: 20,
      bytes: png.length,
      expired: false,
    })
    if (sent.kind !== 'image') throw new Error('not an image')
    const got = await h.call('GET', `/api/chat/images/${sent.imageId}`)
    expect(got.status).toBe(200)
    expect(got.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await got.arrayBuffer()).equals(png)).toBe(true)

    const jpeg = await upload(
      h,
      'friend',
      'xiaochen',
      jpegOf(640, 480),
      'image/jpeg; charset=binary',
    )
    expect(ChatMessageSchema.parse(await jpeg.json())).toMatchObject({
      type: 'image/jpeg',
      width: 640,
      height: 480,
    })
    const atCap = await upload(h, 'shopper', 'xiaomei', pngOf(4, 4, CHAT_IMAGE_MAX_BYTES))
    expect(atCap.status).toBe(201)
  })

  it('the oldest images expire past the world’s image bytes; the oldest messages past the limit', async () => {
    const h = harness({}, { chat: { messageLimit: 5, imageBytes: 25_000 } })
    const ids: string[] = []
    for (let i = 0; i < 3; i++) {
      const message = ChatMessageSchema.parse(
        await (await upload(h, 'shopper', 'xiaomei', pngOf(8, 8, 10_000))).json(),
      )
      if (message.kind === 'image') ids.push(message.imageId)
    }
    const view = await chatOf(h, 'friend')
    expect(view.messages.map((m) => m.kind === 'image' && m.expired)).toEqual([true, false, false])
    expect((await h.call('GET', `/api/chat/images/${ids[0]}`)).status).toBe(404)
    for (let i = 0; i < 5; i++) await sendText(h, 'shopper', 'xiaomei', `m${i}`)
    expect(
      (await chatOf(h, 'shopper')).messages.map((m) => (m.kind === 'text' ? m.text : m.kind)),
    ).toEqual(['m0', 'm1', 'm2', 'm3', 'm4'])
    expect((await h.call('GET', `/api/chat/images/${ids[2]}`)).status).toBe(404)
  })

  it('worlds never see each other’s chats; a reset empties the world’s chats and its images', async () => {
    const h = harness()
    const world = await newWorld(h)
    await sendText(h, 'shopper', 'xiaomei', 'in the world', world)
    await sendText(h, 'shopper', 'xiaomei', 'in default')
    expect(
      (await chatOf(h, 'friend', world)).messages.map((m) => m.kind === 'text' && m.text),
    ).toEqual(['in the world'])
    expect((await chatOf(h, 'friend')).messages.map((m) => m.kind === 'text' && m.text)).toEqual([
      'in default',
    ])
    const image = ChatMessageSchema.parse(
      await (await upload(h, 'shopper', 'xiaomei', pngOf(2, 2), 'image/png', world)).json(),
    )
    if (image.kind !== 'image') throw new Error('not an image')
    // The image id opens it only in its own world.
    expect((await h.call('GET', `/api/chat/images/${image.imageId}`)).status).toBe(404)
    expect((await h.call('GET', `/api/chat/images/${image.imageId}?world=${world}`)).status).toBe(
      200,
    )

    expect(
      (await h.call('POST', '/api/__test/reset', { headers: { 'x-sim-world': world } })).status,
    ).toBe(200)
    const after = await chatOf(h, 'friend', world)
    expect(after.messages).toEqual([])
    expect(after.last).toBe(3)
    expect((await h.call('GET', `/api/chat/images/${image.imageId}?world=${world}`)).status).toBe(
      404,
    )
    expect((await chatOf(h, 'friend')).messages).toHaveLength(1)
    // The seq goes on after a reset.
    expect((await sendText(h, 'shopper', 'xiaomei', 'again', world)).seq).toBe(4)
  })

  it('the stream delivers to the recipient live, replays after Last-Event-ID, and says when the world was reset', async () => {
    const h = harness()
    await sendText(h, 'shopper', 'xiaomei', 'before')
    const res = await h.call('GET', '/api/chat/events?persona=friend')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    const stream = frames(res)
    const first = await stream.next()
    expect(first).toMatchObject({ event: 'message', id: '1' })
    await sendText(h, 'shopper', 'aqiang', 'not for 小美')
    await sendText(h, 'shopper', 'xiaomei', 'live')
    const live = await stream.next()
    expect(live).toMatchObject({ event: 'message', id: '3' })
    expect(ChatMessageSchema.parse(JSON.parse(live.data))).toMatchObject({
      text: 'live',
      chat: 'xiaochen',
      mine: false,
    })
    await h.call('POST', '/api/__test/reset')
    expect(await stream.next()).toMatchObject({ event: 'cleared', id: '4', data: '{"seq":4}' })
    await stream.cancel()

    await sendText(h, 'shopper', 'xiaomei', 'after the reset')
    const resumed = frames(
      await h.call('GET', '/api/chat/events?persona=friend', { headers: { 'last-event-id': '3' } }),
    )
    expect(await resumed.next()).toMatchObject({ event: 'cleared', id: '4' })
    expect(await resumed.next()).toMatchObject({ event: 'message', id: '5' })
    await resumed.cancel()
    expect((await h.call('HEAD', '/api/chat/events?persona=friend')).status).toBe(200)
  })

  it('survives a restart beside the journal (never in it), and goes with its world’s folder', async () => {
    const data = dataFolder()
    const first = harness({}, { data })
    const world = await newWorld(first)
    await sendText(first, 'shopper', 'xiaomei', 'kept', world)
    const image = ChatMessageSchema.parse(
      await (await upload(first, 'shopper', 'xiaomei', pngOf(3, 3), 'image/png', world)).json(),
    )
    await sendText(first, 'shopper', 'xiaomei', 'in default')
    if (image.kind !== 'image') throw new Error('not an image')
    const folder = join(data, 'worlds', world, 'chat')
    expect(readdirSync(join(folder, 'images'))).toEqual([`${image.imageId}.png`])
    // The journal's segments do not hold the chats: they are beside it.
    const journal = readdirSync(join(data, 'worlds', world)).filter((n) => SEGMENT_PATTERN.test(n))
    expect(journal.length).toBeGreaterThan(0)
    for (const name of journal) {
      expect(readFileSync(join(data, 'worlds', world, name), 'utf8')).not.toContain('kept')
    }
    first.worlds.close()

    const second = harness({}, { data })
    const view = await chatOf(second, 'friend', world)
    expect(view.messages.map((m) => m.kind)).toEqual(['text', 'image'])
    expect(
      (await second.call('GET', `/api/chat/images/${image.imageId}?world=${world}`)).status,
    ).toBe(200)
    expect((await chatOf(second, 'friend')).messages).toHaveLength(1)
    expect(existsSync(join(data, 'chat', 'messages.ndjson'))).toBe(true)

    expect((await second.call('DELETE', `/api/__test/worlds/${world}`)).status).toBe(200)
    expect(existsSync(folder)).toBe(false)
    expect((await second.call('GET', `/api/chat?world=${world}`)).status).toBe(404)
    second.worlds.close()
  })

  it('an expired world takes its images with it', async () => {
    const data = dataFolder()
    const h = harness({}, { data })
    const res = await h.json('POST', '/api/__test/worlds', { body: { ttlMs: 1000 } })
    const world = CreatedWorldSchema.parse(res.body).world
    expect((await upload(h, 'shopper', 'xiaomei', pngOf(2, 2), 'image/png', world)).status).toBe(
      201,
    )
    expect(existsSync(join(data, 'worlds', world, 'chat', 'images'))).toBe(true)
    h.clock.advance(2000)
    expect(h.worlds.expire()).toEqual([world])
    expect(existsSync(join(data, 'worlds', world))).toBe(false)
    h.worlds.close()
  })
})
