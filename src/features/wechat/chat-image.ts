import { CHAT_IMAGE_MAX_BYTES, CHAT_IMAGE_TYPES } from '@/contract/chat-limits.ts'

const fits = (blob: Blob) =>
  (CHAT_IMAGE_TYPES as readonly string[]).includes(blob.type) && blob.size <= CHAT_IMAGE_MAX_BYTES

/**
 * An album photo as the server takes it (a PNG or JPEG of at most 2 MiB): as it is when it fits, else
 * drawn again as a JPEG, smaller each try, as WeChat compresses what it sends.
 */
export async function imageForChat(photo: Blob): Promise<Blob> {
  if (fits(photo)) return photo
  const bitmap = await createImageBitmap(photo)
  let scale = 1
  for (let tries = 0; tries < 5; tries++) {
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(bitmap.width * scale))
    canvas.height = Math.max(1, Math.round(bitmap.height * scale))
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
    const jpeg = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, 'image/jpeg', 0.9),
    )
    if (jpeg && fits(jpeg)) return jpeg
    scale *= 0.7
  }
  throw new Error('the photo could not be made small enough to send')
}
