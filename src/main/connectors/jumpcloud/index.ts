export { createJumpCloudConnector, EVENTS_ORG_CHUNK, type JumpCloudConnectorOptions } from './connector'
export { JUMPCLOUD_HOSTS, jumpCloudUrls } from './hosts'
