import type { Contact } from './contacts.ts'

export function Avatar({ contact, small = false }: { contact: Contact; small?: boolean }) {
  return (
    <span
      className={small ? 'wx-avatar wx-avatar--sm' : 'wx-avatar'}
      style={{ background: contact.avatar.color }}
      aria-hidden="true"
    >
      {contact.avatar.glyph}
    </span>
  )
}
