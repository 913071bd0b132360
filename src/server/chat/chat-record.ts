import type { ChatContactId } from '../../contract/chat-contacts.ts'
import type { ChatImageType } from '../../contract/chat-limits.ts'
import type { PersonaId } from '../../contract/sim.ts'

/** What every message holds, whoever looks at it. */
interface StoredBase {
  seq: number
  id: string
  /** Ms on the world's clock. */
  sentAt: number
  from: PersonaId
  to: ChatContactId
}

/** A message as the world keeps it (each phone sees it from its own side: chat-view.ts). */
export type StoredMessage =
  | (StoredBase & { kind: 'text'; text: string })
  | (StoredBase & { kind: 'link'; url: string; title: string; text: string })
  | (StoredBase & {
      kind: 'image'
      imageId: string
      type: ChatImageType
      width: number
      height: number
      bytes: number
    })

/** A line of a world's chat file: a message, or the reset that emptied every chat before it. */
export type ChatRecord =
  { type: 'message'; message: StoredMessage } | { type: 'cleared'; seq: number }

/** `Omit` over each member of a union, so the union stays one. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never
