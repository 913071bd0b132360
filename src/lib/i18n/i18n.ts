import i18next from 'i18next'
import { useMemo } from 'react'
import { effectiveLang, useSettings, type Lang } from '../settings.ts'
import { en } from './en.ts'
import { zhCN, type Messages } from './zh-CN.ts'

/**
 * i18next behind a typed `t`: keys are checked against zh-CN's dictionary at compile time, `{{name}}` is
 * filled from `vars`, and the language follows the per-device settings store rather than i18next's own
 * detection (the settings already read `?lang=` and the browser's language).
 */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>
}[keyof T & string]

export type MessageKey = Leaves<Messages>
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
