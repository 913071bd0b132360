import { z } from 'zod'

/** Money is integer fen everywhere (1 yuan = 100 fen). */
export const FenSchema = z.number().int().nonnegative().max(100_000_000_00)
export const PositiveFenSchema = FenSchema.refine((n) => n > 0, 'amount must be positive')
export type Fen = number
