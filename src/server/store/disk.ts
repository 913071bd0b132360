import {
  closeSync,
  fdatasync,
  fdatasyncSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs'

/**
 * The few file operations the journal writes with, so tests can put a full, short-writing or failing
 * disk under it. Reads are not here: a disk that cannot be read at start is a refusal to start.
 */
export interface DiskIO {
  /** Writes at `position`; may write fewer bytes than asked (a short write), or throw. */
  write(fd: number, buffer: Buffer, offset: number, length: number, position: number): number
  /** Makes what was written durable (fdatasync). */
  sync(fd: number): void
  /**
   * `sync` off the event loop (fdatasync on libuv's threads), calling `done` when it is durable or
   * failed; without it, the journal's writes are synced with `sync`, on the spot (a test's disk).
   */
  syncInBackground?(fd: number, done: (error: Error | null) => void): void
  truncate(fd: number, length: number): void
  /** Writes a whole file durably, piece by piece, then renames it into place (a snapshot, a probe). */
  writeFileAtomic(path: string, data: Buffer | Iterable<string>): void
  remove(path: string): void
}

/** The buffer a file written piece by piece is encoded into. */
const CHUNK_BYTES = 1 << 20

export const realDisk: DiskIO = {
  write: (fd, buffer, offset, length, position) => writeSync(fd, buffer, offset, length, position),
  sync: (fd) => fdatasyncSync(fd),
  syncInBackground: (fd, done) => fdatasync(fd, (error) => done(error)),
  truncate: (fd, length) => ftruncateSync(fd, length),
  writeFileAtomic(path, data) {
    const temp = `${path}.tmp`
    const fd = openSync(temp, 'w')
    try {
      let position = 0
      const put = (buffer: Buffer) => {
        writeAll(realDisk, fd, buffer, position)
        position += buffer.length
      }
      if (Buffer.isBuffer(data)) put(data)
      else {
        // Each piece is encoded straight into one reused buffer, written whenever the next might not
        // fit: no joined strings and no buffer per piece for the collector to clear afterwards.
        const chunk = Buffer.allocUnsafe(CHUNK_BYTES)
        let used = 0
        const flush = () => {
          if (used > 0) put(chunk.subarray(0, used))
          used = 0
        }
        for (const piece of data) {
          // A UTF-16 unit is at most 3 bytes of UTF-8.
          if (piece.length * 3 > CHUNK_BYTES - used) flush()
          if (piece.length * 3 > CHUNK_BYTES) put(Buffer.from(piece))
          else used += chunk.write(piece, used)
        }
        flush()
      }
      fsyncSync(fd)
    } catch (error) {
      closeSync(fd)
      rmSync(temp, { force: true })
      throw error
    }
    closeSync(fd)
    renameSync(temp, path)
  },
  remove: (path) => unlinkSync(path),
}

/** Writes all of `buffer` at `position`, looping over short writes. Throws what the disk throws. */
export function writeAll(io: DiskIO, fd: number, buffer: Buffer, position: number): void {
  let done = 0
  while (done < buffer.length) {
    const n = io.write(fd, buffer, done, buffer.length - done, position + done)
    // A write that makes no progress would loop forever: a disk that takes nothing is full.
    if (n <= 0) throw Object.assign(new Error('ENOSPC: the disk took no bytes'), { code: 'ENOSPC' })
    done += n
  }
}

/** A failure to make a change durable: the change was not applied. */
export class StorageUnavailableError extends Error {
  readonly code = 'STORAGE_UNAVAILABLE'
}

/** `ENOSPC: no space left on device` and the like, for logs and /api/health. */
export function describeIoError(error: unknown): string {
  if (error instanceof Error) {
    const code = 'code' in error && typeof error.code === 'string' ? error.code : 'EIO'
    return error.message.startsWith(code) ? error.message : `${code}: ${error.message}`
  }
  return String(error)
}
