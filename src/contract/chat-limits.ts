// The bounds of a world's chats (docs/chats.md), without zod: the phones read them before they send.

/** An image is a PNG or a JPEG of at most this many bytes (2 MiB). */
export const CHAT_IMAGE_MAX_BYTES = 2 * 1024 * 1024
/** The image types the server takes (checked by their first bytes, not only by Content-Type). */
export const CHAT_IMAGE_TYPES = ['image/png', 'image/jpeg'] as const
export type ChatImageType = (typeof CHAT_IMAGE_TYPES)[number]
/** Images a world keeps, all chats together; past it the oldest images are removed (图片已过期). */
export const CHAT_IMAGE_WORLD_BYTES = 32 * 1024 * 1024
/** Messages a world keeps, all chats together; past it the oldest go. */
export const CHAT_MESSAGE_LIMIT = 1000
/** A text message's length, in characters. */
export const CHAT_TEXT_MAX = 1000
