/**
 * Compares two folders of screenshots (`npm run screens:capture`) pixel by pixel and prints, per screen,
 * how many pixels differ. Anti-aliased pixels (pixelmatch's detection) are not counted. Exits 1 when any
 * screen differs, is missing from one side or changed size.
 *
 * Usage: npm run screens:compare -- <before> <after> [--diff <folder>]   (diff images of what differs)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import pixelmatch from 'pixelmatch'
import { PNG } from 'pngjs'

/** The box around the pixels pixelmatch painted as different (diffColor), in image pixels. */
function box(diff: PNG): string {
  let [left, top, right, bottom] = [Infinity, Infinity, -1, -1]
  for (let y = 0; y < diff.height; y++) {
    for (let x = 0; x < diff.width; x++) {
      const i = (y * diff.width + x) * 4
      if (diff.data[i] === 255 && diff.data[i + 1] === 0 && diff.data[i + 2] === 0) {
        left = Math.min(left, x)
        right = Math.max(right, x)
        top = Math.min(top, y)
        bottom = Math.max(bottom, y)
      }
    }
  }
  return right < 0 ? '(none)' : `x ${left}–${right}, y ${top}–${bottom}`
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { diff: { type: 'string' }, threshold: { type: 'string', default: '0' } },
  })
  const [before, after] = positionals.map((p) => resolve(p))
  if (!before || !after) {
    console.error(
      'usage: npm run screens:compare -- <before folder> <after folder> [--diff <folder>]',
    )
    process.exit(2)
  }
  const pngs = (dir: string) => new Set(readdirSync(dir).filter((f) => f.endsWith('.png')))
  const a = pngs(before)
  const b = pngs(after)
  const names = [...new Set([...a, ...b])].sort()
  const diffDir = values.diff ? resolve(values.diff) : undefined
  if (diffDir) mkdirSync(diffDir, { recursive: true })
  const threshold = Number(values.threshold)
  let bad = 0
  for (const name of names) {
    const label = name.replace(/\.png$/, '')
    if (!a.has(name) || !b.has(name)) {
      bad++
      console.log(`✗ ${label}: only in ${a.has(name) ? 'before' : 'after'}`)
      continue
    }
    const one = PNG.sync.read(readFileSync(join(before, name)))
    const two = PNG.sync.read(readFileSync(join(after, name)))
    if (one.width !== two.width || one.height !== two.height) {
      bad++
      console.log(`✗ ${label}: ${one.width}×${one.height} → ${two.width}×${two.height}`)
      continue
    }
    const out = new PNG({ width: one.width, height: one.height })
    const differing = pixelmatch(one.data, two.data, out.data, one.width, one.height, {
      threshold: 0.1,
      includeAA: false,
      diffColor: [255, 0, 0],
    })
    if (differing > threshold) {
      bad++
      if (diffDir) writeFileSync(join(diffDir, name), PNG.sync.write(out))
    }
    const where = differing > 0 ? ` in ${box(out)}` : ''
    console.log(`${differing > threshold ? '✗' : '✓'} ${label}: ${differing} px differ${where}`)
  }
  console.log(
    `${names.length - bad} of ${names.length} screens the same${bad ? `, ${bad} differ` : ''}` +
      (bad && diffDir && existsSync(diffDir) ? ` (diff images in ${diffDir})` : ''),
  )
  if (bad > 0) process.exit(1)
}

main()
