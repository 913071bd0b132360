import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { realDisk } from './disk.ts'

const dir = mkdtempSync(join(tmpdir(), 'gateway-disk-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('realDisk.writeFileAtomic', () => {
  it('writes pieces byte for byte: multi-byte text across its buffer, and a piece larger than it', () => {
    const pieces = [
      ...Array.from({ length: 40_000 }, (_, i) => `{"title":"明前特级西湖龙井 ${i} 🍵"}\n`),
      `${'茶'.repeat(600_000)}\n`,
      'end\n',
    ]
    const path = join(dir, 'pieces.json')
    realDisk.writeFileAtomic(path, pieces)
    expect(readFileSync(path, 'utf8')).toBe(pieces.join(''))
    expect(existsSync(`${path}.tmp`)).toBe(false)
  })

  it('writes a buffer as it is', () => {
    const path = join(dir, 'buffer.bin')
    realDisk.writeFileAtomic(path, Buffer.from([0, 1, 2, 255]))
    expect([...readFileSync(path)]).toEqual([0, 1, 2, 255])
  })
})
