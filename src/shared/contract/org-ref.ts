import { z } from 'zod'
import { SourceKindSchema } from '../registry'

// An organization is identified by its source and its id in that source, everywhere: two sources can be
// connected at once and their ids may collide. Every method that takes or returns an org id carries
// `source` (a registered source kind) beside `orgId` (or beside `id` on a row that is the org itself).

export const OrgIdSchema = z.string().trim().min(1).max(200)

/** `{ source, orgId }`: spread into a method's input or a row (`...OrgRefFields`). */
export const OrgRefFields = { source: SourceKindSchema, orgId: OrgIdSchema }
export const OrgRefSchema = z.object(OrgRefFields)
export type OrgRef = z.infer<typeof OrgRefSchema>

/** A stable string for maps and React keys: "<source>:<orgId>" (source kinds contain no colon). */
export const orgKey = (r: { source: string; orgId: string }): string => `${r.source}:${r.orgId}`
