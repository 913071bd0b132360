import type { Lang } from '@/lib/settings.ts'
import type { Contact } from './contacts.ts'

export function contactName(contact: Contact, lang: Lang): string {
  return lang === 'en' ? contact.name.en : contact.name.zh
}

export function greetingOf(contact: Contact, lang: Lang): string | null {
  if (!contact.greeting) return null
  return lang === 'en' ? contact.greeting.en : contact.greeting.zh
}
