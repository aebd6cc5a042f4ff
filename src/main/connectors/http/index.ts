export { createHttpClient, serializeParams } from './client'
export { parseRetryAfter } from './retry-after'
export { mapHttpError, remoteMessage, describeSchemaError } from './errors'
export type {
  HttpClient,
  HttpClientOptions,
  HttpErrorContext,
  HttpMethod,
  HttpParams,
  HttpRequest,
  HttpResponse,
  HttpStats,
  RequestInfo
} from './types'
