import type { ChatMessage } from '../../contract/chat.ts'
import { CONTACT_OF_PERSONA } from '../../contract/chat-contacts.ts'
import type { PersonaId } from '../../contract/sim.ts'
import { iso } from '../domain/result.ts'
import type { StoredMessage } from './chat-record.ts'

/** Whether `persona` sent the message or it was sent to their contact (their phone). */
export function seenBy(message: StoredMessage, persona: PersonaId): boolean {
  return message.from === persona || message.to === CONTACT_OF_PERSONA[persona]
}

/** The message as `persona`'s phone shows it: in the chat with the other party. */
export function viewOf(
  message: StoredMessage,
  persona: PersonaId,
  imageKept: (imageId: string) => boolean,
): ChatMessage {
  const mine = message.from === persona
  const side = {
    seq: message.seq,
    id: message.id,
    sentAt: iso(message.sentAt),
    from: message.from,
    to: message.to,
    chat: mine ? message.to : CONTACT_OF_PERSONA[message.from],
    mine,
  }
  switch (message.kind) {
    case 'text':
      return { ...side, kind: 'text', text: message.text }
    case 'link':
      return { ...side, kind: 'link', url: message.url, title: message.title, text: message.text }
    case 'image':
      return {
        ...side,
        kind: 'image',
        imageId: message.imageId,
        type: message.type,
        width: message.width,
        height: message.height,
        bytes: message.bytes,
        expired: !imageKept(message.imageId),
      }
  }
}
