/** A dictionary, or a part of one: strings at the leaves. */
interface Tree {
  [key: string]: string | Tree
}

type Lang = 'zh-CN' | 'en'

function deepMerge(into: Tree, from: Tree): void {
  for (const [key, value] of Object.entries(from)) {
    const current = into[key]
    if (typeof value === 'object' && typeof current === 'object') deepMerge(current, value)
    else into[key] = typeof value === 'object' ? structuredClone(value) : value
  }
}

function lookup(tree: Tree, key: string): string | null {
  let entry: string | Tree | undefined = tree
  for (const part of key.split('.')) {
    if (typeof entry !== 'object') return null
    entry = entry[part]
  }
  return typeof entry === 'string' ? entry : null
}

/**
 * The words per language, merged as namespaces load: a dotted key is looked up in the language, then in
 * zh-CN (always there), else it is its own text; `{{name}}` is filled from the variables. (i18next did
 * this before, as 13 KB of the first chunk used as a key store: decision 014.) React escapes what it
 * renders, so nothing here escapes: strings for attributes or the clipboard are plain text.
 */
export class Dictionaries {
  readonly #byLang: Record<Lang, Tree>

  constructor(zhCN: object) {
    this.#byLang = { 'zh-CN': structuredClone(zhCN) as Tree, en: {} }
  }

  add(lang: Lang, words: object): void {
    deepMerge(this.#byLang[lang], words as Tree)
  }

  translate(lang: Lang, key: string, vars?: Readonly<Record<string, string | number>>): string {
    const text = lookup(this.#byLang[lang], key) ?? lookup(this.#byLang['zh-CN'], key) ?? key
    if (!vars) return text
    return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => String(vars[name] ?? whole))
  }
}
