import { describe, expect, it } from 'vitest'
import { initialScripts, staticClosure } from './bundle.ts'
import { percentile } from './stats.ts'

describe('initialScripts', () => {
  it('reads the entry script and the chunks index.html preloads, once each', () => {
    const html = `
      <script type="module" crossorigin src="/assets/index-a.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/react-b.js">
      <link rel="modulepreload" crossorigin href="/assets/index-a.js">
      <link rel="stylesheet" crossorigin href="/assets/index-c.css">`
    expect(initialScripts(html)).toEqual(['assets/index-a.js', 'assets/react-b.js'])
  })

  it("reads the framed page's loader and the scripts it starts", () => {
    const html = `<script defer src="/assets/frame-loader-1.js" data-app="/assets/index-a.js" data-preload="/assets/react-b.js"></script>`
    expect(initialScripts(html)).toEqual([
      'assets/frame-loader-1.js',
      'assets/index-a.js',
      'assets/react-b.js',
    ])
  })
})

describe('staticClosure', () => {
  const manifest = {
    'index.html': {
      file: 'assets/index.js',
      imports: ['_react.js'],
      dynamicImports: ['src/A.tsx'],
    },
    '_react.js': { file: 'assets/react.js' },
    'src/A.tsx': { file: 'assets/A.js', imports: ['index.html', '_zod.js'], css: ['assets/A.css'] },
    '_zod.js': { file: 'assets/zod.js', dynamicImports: ['src/B.tsx'] },
    'src/B.tsx': { file: 'assets/B.js' },
  }

  it('follows static imports, not dynamic ones', () => {
    expect([...staticClosure(manifest, ['src/A.tsx'])].sort()).toEqual([
      'assets/A.js',
      'assets/index.js',
      'assets/react.js',
      'assets/zod.js',
    ])
  })

  it('skips entries the build does not have', () => {
    expect(staticClosure(manifest, ['src/Missing.tsx']).size).toBe(0)
  })
})

describe('percentile', () => {
  it('is the nearest rank', () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1)
    expect(percentile(values, 50)).toBe(10)
    expect(percentile(values, 95)).toBe(19)
    expect(percentile([7], 95)).toBe(7)
    expect(percentile([], 50)).toBeNaN()
  })
})
