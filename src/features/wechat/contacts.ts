import {
  CHAT_CONTACTS,
  CONTACT_OF_PERSONA,
  CONTACTS_OF,
  isChatContactId,
} from '@/contract/chat-contacts.ts'
import type { ChatContact } from '@/contract/chat-contacts.ts'
import type { PersonaId } from '@/contract/sim.ts'

/** A person of the simulated WeChat's address book (contract/chat-contacts.ts). */
export type Contact = ChatContact

export function contactById(id: string): Contact | undefined {
  return isChatContactId(id) ? CHAT_CONTACTS[id] : undefined
}

/** Who `persona` has in WeChat, 文件传输助手 first. */
export function contactsOf(persona: PersonaId): Contact[] {
  return CONTACTS_OF[persona].map((id) => CHAT_CONTACTS[id])
}

/** Who is holding this phone, as WeChat's 我 shows them. */
export function profileOf(persona: PersonaId): Contact {
  return CHAT_CONTACTS[CONTACT_OF_PERSONA[persona]]
}
