import { connect, createServer, type Socket } from 'node:net'

/** The first line of an HTTP/1.1 request; a keep-alive connection carries one request after another. */
const REQUEST_LINE = /^[A-Z]+ (\S+) HTTP\/1\.[01]\r\n/
/** An order's (or a friend request's) event stream. */
const STREAM_TARGET = /\/events(?:\?|$)/
const OK_STATUS_LINE = /^HTTP\/1\.[01] 200 /

export interface CuttableLink {
  /** `http://127.0.0.1:PORT`: the page's origin when it talks through the link. */
  origin: string
  /**
   * If an event stream is open through the link, the network drops: every connection through the link
   * is reset, and from then on the link refuses event streams (other requests pass). Answers how many
   * streams it cut: 0 (and nothing happens) while none is open, so `expect.poll` can wait on it; the
   * check and the cut are one synchronous step, so the stream cannot close or move in between.
   */
  cutOpenStreams(): number
  /** How many streams the cut reset (0 until it happens). */
  streamsCut(): number
  /** Event streams the server answered through the link after the cut (the link refuses them: 0). */
  streamsAfterCut(): number
  close(): Promise<void>
}

/**
 * A TCP proxy in front of a server on loopback: a page that talks through it can have every connection
 * it carries cut (the open event stream with them) as a dropped network would, once its stream is open.
 * It reads just enough HTTP/1.1 to tell which connection carries an event stream.
 */
export async function cuttableLink(upstreamPort: number): Promise<CuttableLink> {
  const sockets = new Set<Socket>()
  /** Inbound connections whose current request is an event stream the server answered 200. */
  const streaming = new Set<Socket>()
  let cutStreams = 0
  let answeredAfterCut = 0

  const server = createServer((inbound) => {
    const outbound = connect(upstreamPort, '127.0.0.1')
    for (const socket of [inbound, outbound]) {
      sockets.add(socket)
      socket.on('close', () => {
        sockets.delete(socket)
        streaming.delete(inbound)
      })
      socket.on('error', () => socket.destroy())
    }
    let asksForStream = false
    // Registered before the pipe: sees each request before it goes upstream.
    inbound.on('data', (chunk: Buffer) => {
      const target = REQUEST_LINE.exec(chunk.toString('latin1'))?.[1]
      if (target === undefined) return
      asksForStream = STREAM_TARGET.test(target)
      streaming.delete(inbound)
      if (asksForStream && cutStreams > 0) {
        inbound.resetAndDestroy()
        outbound.destroy()
      }
    })
    outbound.on('data', (chunk: Buffer) => {
      if (!asksForStream || streaming.has(inbound)) return
      if (!OK_STATUS_LINE.test(chunk.toString('latin1', 0, 16))) return
      streaming.add(inbound)
      if (cutStreams > 0) answeredAfterCut += 1
    })
    inbound.pipe(outbound).pipe(inbound)
  })
  // A port the system picks: no other run's link (or server) can hold it.
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('the link has no TCP port')

  return {
    origin: `http://127.0.0.1:${address.port}`,
    cutOpenStreams() {
      const open = streaming.size
      if (open === 0) return 0
      cutStreams = open
      for (const socket of sockets) socket.resetAndDestroy()
      return open
    },
    streamsCut: () => cutStreams,
    streamsAfterCut: () => answeredAfterCut,
    close() {
      const closed = new Promise<void>((done) => server.close(() => done()))
      for (const socket of sockets) socket.destroy()
      return closed
    },
  }
}
