// npm run journal -- check|repair [--data DIR]
// check: every segment and snapshot of a data folder, and where each damaged line is (exit 1 if any).
// repair: moves damaged lines into a quarantine file beside the journal (never dropping them) and
// rewrites each damaged segment without them. It takes the folder's lock, so the server must be stopped.
import {
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
  openSync,
  readSync,
  closeSync,
} from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import {
  SEGMENT_PATTERN,
  SNAPSHOT_PATTERN,
  scanJournal,
} from '../src/server/store/journal-format.ts'
import type { DamagedLine } from '../src/server/store/journal-format.ts'
import { takeLock } from '../src/server/store/lock.ts'
import { readSnapshot } from '../src/server/store/snapshot-codec.ts'

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { data: { type: 'string' } },
})
const command = positionals[0]
const dir = values.data ?? process.env.GATEWAY_DATA ?? '.data'
if (command !== 'check' && command !== 'repair') {
  console.error(
    'usage: npm run journal -- check|repair [--data DIR]   (default: $GATEWAY_DATA or .data)',
  )
  process.exit(2)
}
if (dir === 'memory') {
  console.error('GATEWAY_DATA=memory keeps no journal: nothing to check')
  process.exit(2)
}

interface SegmentReport {
  name: string
  records: number
  bytes: number
  damaged: DamagedLine[]
}

function checkFolder(): { segments: SegmentReport[]; badSnapshots: string[] } {
  const names = readdirSync(dir).sort()
  const segments = names
    .filter((name) => SEGMENT_PATTERN.test(name))
    .map((name) => {
      const report = scanJournal(join(dir, name), () => {})
      return { name, records: report.records, bytes: report.totalBytes, damaged: report.damaged }
    })
  const badSnapshots = names
    .filter((name) => SNAPSHOT_PATTERN.test(name))
    .filter((name) => {
      try {
        readSnapshot(join(dir, name))
        return false
      } catch {
        return true
      }
    })
  return { segments, badSnapshots }
}

function readBytes(path: string, offset: number, length: number): Buffer {
  const fd = openSync(path, 'r')
  try {
    const bytes = Buffer.alloc(length)
    readSync(fd, bytes, 0, length, offset)
    return bytes
  } finally {
    closeSync(fd)
  }
}

/** The segment without its damaged lines; each of those goes to the quarantine file first. */
function repairSegment(segment: SegmentReport, quarantine: string): void {
  const path = join(dir, segment.name)
  const lines: string[] = []
  for (const damage of segment.damaged) {
    const bytes = readBytes(path, damage.offset, damage.length)
    lines.push(
      JSON.stringify({
        file: segment.name,
        line: damage.line,
        offset: damage.offset,
        preview: damage.preview,
        base64: bytes.toString('base64'),
      }),
    )
  }
  writeFileSync(quarantine, `${lines.join('\n')}\n`, { flag: 'a' })
  const whole = readFileSync(path)
  const kept: Buffer[] = []
  let at = 0
  for (const damage of segment.damaged) {
    kept.push(whole.subarray(at, damage.offset))
    at = damage.offset + damage.length
  }
  kept.push(whole.subarray(at))
  let repaired = Buffer.concat(kept)
  if (repaired.length > 0 && repaired[repaired.length - 1] !== 0x0a)
    repaired = Buffer.concat([repaired, Buffer.from('\n')])
  writeFileSync(`${path}.repair`, repaired)
  renameSync(`${path}.repair`, path)
}

const unlock = takeLock(dir)
try {
  const { segments, badSnapshots } = checkFolder()
  let damagedLines = 0
  for (const segment of segments) {
    const state = segment.damaged.length === 0 ? 'ok' : `${segment.damaged.length} damaged line(s)`
    console.log(`${segment.name}  ${segment.records} records  ${segment.bytes} bytes  ${state}`)
    for (const damage of segment.damaged) {
      console.log(
        `  line ${damage.line} (byte ${damage.offset}, ${damage.length} bytes): ${damage.preview}`,
      )
    }
    damagedLines += segment.damaged.length
  }
  for (const name of badSnapshots)
    console.log(`${name}  unreadable (the start uses an older snapshot)`)
  if (segments.length === 0) console.log(`no journal segments in ${dir}`)
  if (command === 'check') {
    console.log(
      damagedLines === 0
        ? 'journal ok'
        : `${damagedLines} damaged line(s): "npm run journal -- repair" moves them aside`,
    )
    process.exitCode = damagedLines === 0 ? 0 : 1
  } else if (damagedLines === 0) {
    console.log('nothing to repair')
  } else {
    const quarantine = join(
      dir,
      `quarantine-${new Date().toISOString().replace(/[-:.]/g, '')}.jsonl`,
    )
    for (const segment of segments)
      if (segment.damaged.length > 0) repairSegment(segment, quarantine)
    console.log(
      `moved ${damagedLines} damaged line(s) into ${quarantine}; the journal starts again`,
    )
  }
} finally {
  unlock()
}
