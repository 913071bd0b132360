import type { ConsoleEntry, ConsoleRefs } from '../../contract/console.ts'

/** An entry before the log numbers it. */
export type NewEntry = Omit<ConsoleEntry, 'seq'>

/** A one-line English summary and the ids it touches. */
export interface Described {
  summary: string
  refs: ConsoleRefs
}

/** `¥12.34` of fen. */
export const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`
