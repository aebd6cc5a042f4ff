export { startSimServer } from './server'
export { Router, type RouteMatch } from './router'
export { SimClock } from './clock'
export { SlidingWindowLimiter, InFlightLimiter, retryAfterValue } from './limiters'
export { mulberry32, pick } from './random'
export { companyNames, messyVariant } from './names'
export { FaultSpecSchema } from './faults'
export type {
  FaultSpec,
  Route,
  SimContext,
  SimHandler,
  SimReply,
  SimRequest,
  SimServer,
  SimServerOptions,
  SimStats
} from './types'
