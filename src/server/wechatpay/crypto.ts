import { createCipheriv } from 'node:crypto'
import { nonceString } from './sign.ts'

/** `AEAD_AES_256_GCM` as WeChat encrypts certificates and notification resources. */
export interface Encrypted {
  algorithm: 'AEAD_AES_256_GCM'
  ciphertext: string
  associated_data: string
  nonce: string
}

/**
 * Encrypts under the merchant's APIv3 key (its 32 characters are the AES-256 key): a 12-character
 * nonce, the associated data authenticated, the ciphertext with its 16-byte tag, base64.
 */
export function encryptResource(
  plaintext: string,
  apiV3Key: string,
  associatedData: string,
): Encrypted {
  const nonce = nonceString(12)
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce))
  cipher.setAAD(Buffer.from(associatedData))
  const ciphertext = Buffer.concat([
    cipher.update(plaintext, 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]).toString('base64')
  return { algorithm: 'AEAD_AES_256_GCM', ciphertext, associated_data: associatedData, nonce }
}
