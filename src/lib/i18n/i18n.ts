import { createContext, useContext, useMemo } from 'react'
import { create } from 'zustand'
import { effectiveLang, LANGS, useSettings, type Lang } from '../settings.ts'
import type { AlipayAppMessages } from './alipay-app.zh-CN.ts'
import type { AlipayMessages } from './alipay.zh-CN.ts'
import type { ConsoleMessages } from './console.zh-CN.ts'
import type { FriendPayMessages } from './friend-pay.zh-CN.ts'
import type { LabMessages } from './lab.zh-CN.ts'
import type { LabStudyMessages } from './lab-study.zh-CN.ts'
import type { PayMessages } from './pay.zh-CN.ts'
import type { StudyMessages } from './study.zh-CN.ts'
import type { SimMessages } from './sim.zh-CN.ts'
import type { WechatMessages } from './wechat.zh-CN.ts'
import { zhCN, type Messages } from './zh-CN.ts'
import { Dictionaries } from './dictionaries.ts'

/**
 * A typed `t`: keys are checked against zh-CN's dictionary at compile time, `{{name}}` is filled from
 * `vars`, and the language follows the per-device settings store (which reads `?lang=` and the browser's
 * language).
 */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>
}[keyof T & string]

/**
 * Strings that load with the code that needs them rather than with the first screen: typed here, merged
 * into the dictionaries by `loadMessages`, which that code awaits before it renders.
 */
export interface LazyMessages
  extends PayMessages, WechatMessages, FriendPayMessages, AlipayMessages, AlipayAppMessages {
  sim: SimMessages
  lab: LabMessages
  labStudy: LabStudyMessages
  study: StudyMessages
  console: ConsoleMessages
}

export type MessageKey = Leaves<Messages & LazyMessages>
export type Vars = Record<string, string | number>
export type Translate = (key: MessageKey, vars?: Vars) => string

const dictionaries = new Dictionaries(zhCN)
const addWords = (lang: Lang, words: object) => dictionaries.add(lang, words)

/**
 * The first screen ships zh-CN's dictionary only; another language's loads when it is chosen (at start,
 * or in the simulator panel), and the screen shows zh-CN until it arrives.
 */
const BASE: Record<Lang, () => Promise<Messages>> = {
  'zh-CN': () => Promise.resolve(zhCN),
  en: async () => (await import('./en.ts')).en,
}
const useLoadedLangs = create<Record<Lang, boolean>>(() => ({ 'zh-CN': true, en: false }))
const loadingLangs = new Map<Lang, Promise<void>>()

export function loadLanguage(lang: Lang): Promise<void> {
  if (useLoadedLangs.getState()[lang]) return Promise.resolve()
  let done = loadingLangs.get(lang)
  if (!done) {
    done = BASE[lang]().then((messages) => {
      addWords(lang, messages)
      useLoadedLangs.setState({ [lang]: true })
    })
    // A failed load (offline) may be tried again.
    done.catch(() => loadingLangs.delete(lang))
    loadingLangs.set(lang, done)
  }
  return done
}

const LAZY: Record<keyof LazyMessages, () => Promise<Record<Lang, Partial<LazyMessages>>>> = {
  sim: async () => {
    const [{ simZhCN }, { simEn }] = await Promise.all([
      import('./sim.zh-CN.ts'),
      import('./sim.en.ts'),
    ])
    return { 'zh-CN': { sim: simZhCN }, en: { sim: simEn } }
  },
  lab: async () => {
    const [{ labZhCN }, { labEn }] = await Promise.all([
      import('./lab.zh-CN.ts'),
      import('./lab.en.ts'),
    ])
    return { 'zh-CN': { lab: labZhCN }, en: { lab: labEn } }
  },
  labStudy: async () => {
    const [{ labStudyZhCN }, { labStudyEn }] = await Promise.all([
      import('./lab-study.zh-CN.ts'),
      import('./lab-study.en.ts'),
    ])
    return { 'zh-CN': { labStudy: labStudyZhCN }, en: { labStudy: labStudyEn } }
  },
  study: async () => {
    const [{ studyZhCN }, { studyEn }] = await Promise.all([
      import('./study.zh-CN.ts'),
      import('./study.en.ts'),
    ])
    return { 'zh-CN': { study: studyZhCN }, en: { study: studyEn } }
  },
  console: async () => {
    const [{ consoleZhCN }, { consoleEn }] = await Promise.all([
      import('./console.zh-CN.ts'),
      import('./console.en.ts'),
    ])
    return { 'zh-CN': { console: consoleZhCN }, en: { console: consoleEn } }
  },
  cashier: payMessages,
  pin: payMessages,
  reset: payMessages,
  result: payMessages,
  orders: payMessages,
  scan: wechatMessages,
  jump: wechatMessages,
  wechat: wechatMessages,
  friendPay: async () => {
    const [{ friendPayZhCN }, { friendPayEn }] = await Promise.all([
      import('./friend-pay.zh-CN.ts'),
      import('./friend-pay.en.ts'),
    ])
    return { 'zh-CN': friendPayZhCN, en: friendPayEn }
  },
  alipay: async () => {
    const [{ alipayZhCN }, { alipayEn }] = await Promise.all([
      import('./alipay.zh-CN.ts'),
      import('./alipay.en.ts'),
    ])
    return { 'zh-CN': { alipay: alipayZhCN }, en: { alipay: alipayEn } }
  },
  alipayApp: async () => {
    const [{ alipayAppZhCN }, { alipayAppEn }] = await Promise.all([
      import('./alipay-app.zh-CN.ts'),
      import('./alipay-app.en.ts'),
    ])
    return { 'zh-CN': { alipayApp: alipayAppZhCN }, en: { alipayApp: alipayAppEn } }
  },
}
/** The words of paying, for every screen that pays or shows what was paid: one file for them all. */
async function payMessages(): Promise<Record<Lang, Partial<LazyMessages>>> {
  const [{ payZhCN }, { payEn }] = await Promise.all([
    import('./pay.zh-CN.ts'),
    import('./pay.en.ts'),
  ])
  return { 'zh-CN': payZhCN, en: payEn }
}
/** The WeChat routes' words (scan-code panel, jump, the simulated WeChat): one file for all three. */
async function wechatMessages(): Promise<Record<Lang, Partial<LazyMessages>>> {
  const [{ wechatZhCN }, { wechatEn }] = await Promise.all([
    import('./wechat.zh-CN.ts'),
    import('./wechat.en.ts'),
  ])
  return { 'zh-CN': wechatZhCN, en: wechatEn }
}
const loading = new Map<keyof LazyMessages, Promise<void>>()

/** Loads a lazy namespace in every language (the language can change while its screen is up). */
export function loadMessages(name: keyof LazyMessages): Promise<void> {
  let done = loading.get(name)
  if (!done) {
    done = LAZY[name]().then((byLang) => {
      for (const lang of LANGS) addWords(lang, byLang[lang])
    })
    // A failed load (offline) may be tried again.
    done.catch(() => loading.delete(name))
    loading.set(name, done)
  }
  return done
}

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  return dictionaries.translate(lang, key, vars)
}

/**
 * The language of the first frame (src/app/OrderFrame.tsx), for the components it draws: the server renders
 * them, and the browser hydrates them, in that language. The stores cannot say it there: during hydration
 * (and on the server) a zustand hook reads its store's initial state, which has no language in it.
 */
export const FrameLang = createContext<Lang | null>(null)

/** `t` for the current language (once its words are loaded), and the language itself (for Intl formats). */
export function useT(): { t: Translate; lang: Lang } {
  const framed = useContext(FrameLang)
  const wanted = useSettings((s) => framed ?? effectiveLang(s.lang))
  const loaded = useLoadedLangs((s) => framed !== null || s[wanted])
  const lang: Lang = loaded ? wanted : 'zh-CN'
  const t = useMemo<Translate>(() => (key, vars) => translate(lang, key, vars), [lang])
  return { t, lang }
}

/**
 * Loads the current language's words and keeps <html lang> (screen readers, fonts) and the tab's title on
 * it. Resolves once the starting language is loaded (or failed to load: then the screen speaks zh-CN).
 */
export function syncDocumentLang(): Promise<void> {
  const apply = async () => {
    const wanted = effectiveLang(useSettings.getState().lang)
    const lang = await loadLanguage(wanted).then(
      () => wanted,
      (): Lang => 'zh-CN',
    )
    document.documentElement.lang = lang
    document.title = translate(lang, 'common.docTitle')
  }
  useSettings.subscribe((state, previous) => {
    if (state.lang !== previous.lang) void apply()
  })
  return apply()
}
