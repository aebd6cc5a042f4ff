import { z } from 'zod'
import { AppError } from '../../shared/errors'

// The file read by `psa-bridge match FILE --json`: {"orgs":[{"id","name"}],"customers":[{"id","name"}]}.
// Ids come from two different systems (JumpCloud uses hex strings, Syncro/Autotask numbers), so both are accepted.
// The matcher works on their string form (`id`); `given` keeps the id as written, so the answer gives a number back
// as a number.

const Id = z.union([z.string().trim().min(1, 'id must not be empty').max(200), z.int()])

const Named = z
  .object({
    id: Id,
    // No length limit here: an absurd name is data, not a reason to reject the file; the matcher ignores it.
    name: z.string()
  })
  .transform((x) => ({ id: String(x.id), given: x.id, name: x.name }))

function uniqueIds(list: { id: string }[], ctx: z.RefinementCtx, field: string): void {
  const seen = new Set<string>()
  list.forEach((x, i) => {
    if (seen.has(x.id)) ctx.addIssue({ code: 'custom', message: `duplicate id '${x.id}'`, path: [field, i, 'id'] })
    seen.add(x.id)
  })
}

export const MatchFileSchema = z
  .object({
    orgs: z.array(Named).max(100_000),
    customers: z.array(Named).max(100_000)
  })
  .superRefine((file, ctx) => {
    uniqueIds(file.orgs, ctx, 'orgs')
    uniqueIds(file.customers, ctx, 'customers')
  })

export type MatchFile = z.output<typeof MatchFileSchema>

const SHAPE_HINT =
  'Expected {"orgs":[{"id":"…","name":"…"}],"customers":[{"id":"…","name":"…"}]}; ids may be strings or numbers.'

function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '')
}

/** Validates already-parsed JSON; throws AppError('validation') naming the first few bad fields. */
export function parseMatchFile(data: unknown): MatchFile {
  const parsed = MatchFileSchema.safeParse(data)
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.slice(0, 5).map((i) => `${issuePath(i.path) || '(root)'}: ${i.message}`)
  const more = parsed.error.issues.length > 5 ? ` (and ${parsed.error.issues.length - 5} more)` : ''
  throw new AppError('validation', `Invalid match file: ${issues.join('; ')}${more}`, { hint: SHAPE_HINT })
}

/** Parses the file's text (tolerating a UTF-8 BOM) and validates it. */
export function parseMatchFileText(text: string): MatchFile {
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    throw new AppError('validation', `Match file is not valid JSON: ${(e as Error).message}`, { hint: SHAPE_HINT })
  }
  return parseMatchFile(data)
}
