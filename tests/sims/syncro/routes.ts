// Syncro API routes (paths relative to /{subdomain}/api/v1). Each names the token permission it
// needs; auth and permissions are checked before the handler runs (see index.ts), like a Rails
// before_action — so a permitted-but-invalid request gets 422 and a forbidden one 401.

import { assetRoutes } from './asset-routes'
import { billingRoutes } from './billing-routes'
import { catalogRoutes } from './catalog-routes'
import { directoryRoutes } from './directory-routes'
import type { SyncroRoute } from './route-kit'
import { ticketRoutes } from './ticket-routes'

export type { RouteReply, RouteRequest, RouteHelpers, SyncroRoute } from './route-kit'

/** Order matters: the first matching pattern wins ('/tickets/settings' before '/tickets/:id'). */
export const routes: SyncroRoute[] = [
  ...directoryRoutes,
  ...assetRoutes,
  ...billingRoutes,
  ...catalogRoutes,
  ...ticketRoutes
]
