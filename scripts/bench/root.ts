import { join } from 'node:path'

/** The repository's root, whatever folder the bench is started from. */
export const ROOT = join(import.meta.dirname, '..', '..')
