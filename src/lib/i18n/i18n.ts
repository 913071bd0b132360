import i18next from 'i18next'
import { useMemo } from 'react'
import { effectiveLang, LANGS, useSettings, type Lang } from '../settings.ts'
import { en } from './en.ts'
import type { FriendPayMessages } from './friend-pay.zh-CN.ts'
import type { LabMessages } from './lab.zh-CN.ts'
import type { SimMessages } from './sim.zh-CN.ts'
import type { WechatMessages } from './wechat.zh-CN.ts'
import { zhCN, type Messages } from './zh-CN.ts'

/**
 * i18next behind a typed `t`: keys are checked against zh-CN's dictionary at compile time, `{{name}}` is
 * filled from `vars`, and the language follows the per-device settings store rather than i18next's own
 * detection (the settings already read `?lang=` and the browser's language).
 */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>
}[keyof T & string]

/**
 * Strings that load with the code that needs them rather than with the first screen: typed here, merged
 * into the dictionaries by `loadMessages`, which that code awaits before it renders.
 */
interface LazyMessages extends WechatMessages, FriendPayMessages {
  sim: SimMessages
  lab: LabMessages
}

export type MessageKey = Leaves<Messages & LazyMessages>
export type Vars = Record<string, string | number>
export type Translate = (key: MessageKey, vars?: Vars) => string

const i18n = i18next.createInstance()
void i18n.init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  // Dictionaries are bundled: initialise synchronously so the first render has its strings.
  initAsync: false,
  // React escapes what it renders; strings built for attributes or the clipboard are plain text.
  interpolation: { escapeValue: false },
  returnNull: false,
})

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
      for (const lang of LANGS)
        i18n.addResourceBundle(lang, 'translation', byLang[lang], true, true)
    })
    // A failed load (offline) may be tried again.
    done.catch(() => loading.delete(name))
    loading.set(name, done)
  }
  return done
}

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  return i18n.t(key, { ...vars, lng: lang })
}

/** `t` for the current language, and the language itself (for Intl formats). */
export function useT(): { t: Translate; lang: Lang } {
  const lang = useSettings((s) => effectiveLang(s.lang))
  const t = useMemo<Translate>(() => (key, vars) => translate(lang, key, vars), [lang])
  return { t, lang }
}

/** Keeps <html lang> (screen readers, fonts) and the tab's title on the current language. */
export function syncDocumentLang(): void {
  const apply = () => {
    const lang = effectiveLang(useSettings.getState().lang)
    document.documentElement.lang = lang
    document.title = translate(lang, 'common.docTitle')
  }
  apply()
  useSettings.subscribe((state, previous) => {
    if (state.lang !== previous.lang) apply()
  })
}
