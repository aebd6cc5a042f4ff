import type { z } from 'zod'

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I
  output: O
  /** One line for the CLI's help and the docs. */
  summary: string
}

export function method<I extends z.ZodType, O extends z.ZodType>(
  summary: string,
  input: I,
  output: O
): MethodDef<I, O> {
  return { input, output, summary }
}
