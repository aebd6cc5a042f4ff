import { z } from 'zod'

// Zod building blocks of the Connect save inputs, shared by every kind's description.

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f]/

export const secretField = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label} is required`)
    .max(4096, `${label} is too long`)
    // A pasted line break would otherwise surface later as an obscure "invalid header" error.
    .refine((v) => !CONTROL.test(v), `${label} contains a line break or another control character; paste it again`)

/**
 * `replace` must be true to re-configure an integration that already exists: the first save of a
 * kind creates it, a second one without `replace` is refused with code 'conflict'.
 */
export const replaceField = z.boolean().default(false)
