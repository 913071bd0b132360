import { describe, expect, it } from 'vitest'
import * as renderer from '../app/render-order-frame.tsx'
import { firstFrameFile, frameLang } from './first-frame.ts'
import { frameLoaderCode, frameLoaderPath, framedPages } from './first-frame-plugin.ts'

const VITE_INDEX =
  '<!doctype html><html lang="zh-CN"><head><title>x</title><script type="module" crossorigin src="/assets/index.js"></script>\n    <link rel="modulepreload" crossorigin href="/assets/boot.js"><link rel="stylesheet" crossorigin href="/assets/a.css"></head><body><div id="root"></div></body></html>'
const CSS = new Map([['/assets/a.css', '.phone{color:red}']])

describe('the first frame', () => {
  it('puts the order page frame in #root, in each language, and keeps a page without it', async () => {
    await renderer.loadFrameWords()
    const pages = framedPages(VITE_INDEX, renderer, CSS)
    expect(pages.zh).toContain('<div id="root" data-first-frame="zh-CN">')
    expect(pages.zh).toContain('<h1>确认订单</h1>')
    expect(pages.zh).toContain('提交订单')
    expect(pages.en).toContain('<html lang="en">')
    expect(pages.en).toContain('data-first-frame="en"')
    expect(pages.en).toContain('<h1>Confirm order</h1>')
    expect(pages.en).not.toContain('确认订单')
    expect(pages.bare).toBe(VITE_INDEX)
  })

  it("starts the app's script from a loader, after the frame is painted", async () => {
    await renderer.loadFrameWords()
    const pages = framedPages(VITE_INDEX, renderer, CSS)
    for (const page of [pages.zh, pages.en]) {
      expect(page).toContain(
        `<script defer src="${frameLoaderPath()}" data-app="/assets/index.js" data-preload="/assets/boot.js"></script>`,
      )
      expect(page).not.toContain('type="module"')
      expect(page).not.toContain('modulepreload')
    }
    // The page without a frame has nothing to wait for.
    expect(pages.bare).toContain('<script type="module" crossorigin src="/assets/index.js">')
    expect(frameLoaderPath()).toMatch(/^\/assets\/frame-loader-[0-9a-f]{10}\.js$/)
    expect(frameLoaderCode()).toContain('requestAnimationFrame')
    expect(frameLoaderCode().length).toBeLessThan(600)
  })

  it('inlines the styles it was given in the framed pages, and only there', async () => {
    await renderer.loadFrameWords()
    const pages = framedPages(VITE_INDEX, renderer, CSS)
    for (const page of [pages.zh, pages.en]) {
      expect(page).toContain('<style>.phone{color:red}</style>')
      expect(page).not.toContain('href="/assets/a.css"')
    }
    expect(pages.bare).toContain('href="/assets/a.css"')
    // A stylesheet it was not given stays linked.
    expect(framedPages(VITE_INDEX, renderer).zh).toContain('href="/assets/a.css"')
  })

  it('refuses an index.html it cannot frame', () => {
    expect(() => framedPages('<html><body></body></html>', renderer)).toThrow(/no <div id="root">/)
  })

  it('frames / in the language the phone will speak, and nothing else', () => {
    expect(firstFrameFile('/', '', 'zh-CN,zh;q=0.9')).toBe('/index.html')
    expect(firstFrameFile('/', '', 'en-US,en;q=0.9,zh;q=0.5')).toBe('/index.en.html')
    expect(firstFrameFile('/', '', undefined)).toBe('/index.html')
    expect(firstFrameFile('/', '?lang=en', 'zh-CN')).toBe('/index.en.html')
    expect(firstFrameFile('/', '?lang=zh-CN', 'en-US')).toBe('/index.html')
    expect(firstFrameFile('/orders', '', 'zh-CN')).toBe('/app.html')
    expect(firstFrameFile('/pay/result/x', '?lang=en', 'en')).toBe('/app.html')
    expect(frameLang('?lang=fr', 'en-GB')).toBe('en')
    expect(frameLang('', '*')).toBe('zh-CN')
  })
})
