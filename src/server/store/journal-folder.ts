// The data folder of a journal: what is in it, made and locked, fsynced, and damage cut aside.
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  writeFileSync,
} from 'node:fs'
import { dirname, resolve } from 'node:path'
import { describeIoError } from './disk.ts'
import { SEGMENT_PATTERN, SNAPSHOT_PATTERN } from './journal-format.ts'
import type { DamagedLine } from './journal-format.ts'
import { takeLock } from './lock.ts'

/** A data folder that cannot be made or written: said plainly, not as `ENOENT … LOCK`. */
export class DataFolderUnusableError extends Error {}

export interface Folder {
  segments: number[]
  snapshots: number[]
}

export function listFolder(dir: string): Folder {
  const segments: number[] = []
  const snapshots: number[] = []
  for (const name of readdirSync(dir)) {
    const segment = SEGMENT_PATTERN.exec(name)
    if (segment?.[1]) segments.push(Number(segment[1]))
    const snapshot = SNAPSHOT_PATTERN.exec(name)
    if (snapshot?.[1]) snapshots.push(Number(snapshot[1]))
  }
  return { segments: segments.sort((a, b) => a - b), snapshots: snapshots.sort((a, b) => b - a) }
}

export function syncFolder(dir: string): void {
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/**
 * `mkdir -p`, one level at a time: Node's recursive mkdir hides the real error (ENOENT for a read-only
 * disk) and never returns on some special filesystems (/proc).
 */
function makeFolder(dir: string): void {
  const path = resolve(dir)
  if (existsSync(path)) return
  const parent = dirname(path)
  if (parent !== path) makeFolder(parent)
  mkdirSync(path)
}

export function openFolder(dir: string): () => void {
  try {
    makeFolder(dir)
    return takeLock(dir)
  } catch (error) {
    if (error instanceof Error && 'code' in error) {
      const why =
        error.code === 'EROFS' || error.code === 'EACCES' || error.code === 'EPERM'
          ? 'is not writable'
          : error.code === 'ENOENT' || error.code === 'ENOTDIR'
            ? 'cannot be created'
            : 'cannot be used'
      throw new DataFolderUnusableError(
        `data folder ${dir} ${why} (${describeIoError(error)}); ` +
          'point GATEWAY_DATA at a writable folder, or set GATEWAY_DATA=memory',
      )
    }
    throw error
  }
}

export const stamp = () =>
  new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')

export function describeDamage(path: string, damage: DamagedLine): string {
  return `${path} line ${damage.line} (byte ${damage.offset}): ${damage.preview}`
}

/** Keeps the damaged tail of a segment in a side file, then cuts it off. */
export function cutTail(path: string, from: number, to: number): string {
  const side = `${path}.damaged-${stamp()}`
  const fd = openSync(path, 'r')
  const bytes = Buffer.alloc(to - from)
  try {
    readSync(fd, bytes, 0, bytes.length, from)
  } finally {
    closeSync(fd)
  }
  writeFileSync(side, bytes)
  return side
}
