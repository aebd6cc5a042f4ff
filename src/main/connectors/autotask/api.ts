import type { z } from 'zod'
import { AppError, isAppError } from '../../../shared/errors'
import type { HttpClient } from '../http'
import { queryAll, type FilterNode, type QueryOptions } from './query'
import { FieldsSchema, itemSchema, ItemIdSchema, type FieldInfo } from './schemas'

/** Entities whose field metadata (picklists, string lengths) the connector reads. */
export type FieldsEntity = 'Tickets' | 'TicketNotes' | 'ConfigurationItems'

/** Thin typed wrapper over the shared HTTP client: query, get by id, create, field metadata. */
export class AutotaskApi {
  // Field metadata changes only when an admin edits Autotask: read once per connector.
  private readonly fieldsCache = new Map<FieldsEntity, Promise<FieldInfo[]>>()

  constructor(readonly http: HttpClient) {}

  /** Every row matching `filter` (an arrow so it can be handed on as a plain function). */
  readonly query = <S extends z.ZodType>(
    entity: string,
    filter: FilterNode[],
    schema: S,
    q?: QueryOptions
  ): Promise<Array<z.infer<S>>> => queryAll(this.http, entity, filter, schema, q)

  async get<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S> | null> {
    try {
      const res = await this.http.request({ method: 'GET', url: `V1.0/${path}`, schema: itemSchema(schema) })
      return (res.data as { item: z.infer<S> | null }).item
    } catch (e) {
      // a missing id is 404 on some entities and 200 {"item":null} on others (§3.2)
      if (isAppError(e) && e.code === 'not-found') return null
      throw e
    }
  }

  readonly create = async (path: string, data: Record<string, unknown>): Promise<number> => {
    const res = await this.http.request({ method: 'POST', url: `V1.0/${path}`, data, schema: ItemIdSchema })
    return res.data.itemId
  }

  fields(entity: FieldsEntity): Promise<FieldInfo[]> {
    let p = this.fieldsCache.get(entity)
    if (!p) {
      p = this.http
        .request({ method: 'GET', url: `V1.0/${entity}/entityInformation/fields`, schema: FieldsSchema })
        .then((r) => r.data.fields)
      p.catch(() => this.fieldsCache.delete(entity))
      this.fieldsCache.set(entity, p)
    }
    return p
  }

  /** Drops the cached metadata so the next `fields` call reads it again. */
  forgetFields(entity: FieldsEntity): void {
    this.fieldsCache.delete(entity)
  }
}

/** Autotask ids are integers on the wire; ours are strings. Refuse anything else before a request. */
export function toInt(id: string, what: string): number {
  if (!/^\d+$/.test(id)) throw new AppError('validation', `Invalid Autotask ${what} id: ${id}`)
  return Number(id)
}
