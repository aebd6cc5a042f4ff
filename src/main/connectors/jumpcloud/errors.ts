import { AppError } from '../../../shared/errors'
import { remoteMessage, type HttpErrorContext } from '../http'

const KEY_HINT =
  'Generate a new API key in the JumpCloud Multi-Tenant Portal (Account Management → Account Overview → Generate New API Key; ' +
  'the old key stops working) and paste it here. MTP admins also need API access switched on by an Admin with Billing.'

/** Real replies: 401 {"message":"Unauthorized: no organization selected"}; x-org-id errors (§A.0). */
const ORG_PROBLEM = /organi[sz]ation|x-org-id|org id/i

/** JumpCloud-specific messages (jumpcloud.md §A.0 x-org-id rules, §A.4 Error body); undefined = generic mapping. */
export function mapJumpCloudError(providerId: string) {
  return (ctx: HttpErrorContext): AppError | undefined => {
    const said = remoteMessage(ctx.body)
    const cause = { method: ctx.method, url: ctx.url, status: ctx.status }
    const providerRoute = ctx.url.includes('/providers/')
    // A 401 about the organization (header missing, wrong or not one of the provider's) is not a key
    // problem: advising a new key would kill the old one for every other integration using it.
    if (ctx.status === 401 && said && ORG_PROBLEM.test(said))
      return new AppError('not-found', `JumpCloud did not accept the organization of this request: ${said}.`, {
        hint:
          'The organization may have been removed from the Multi-Tenant Portal or moved to another provider; refresh ' +
          'the organization list. Your API key is fine — do not generate a new one for this.',
        cause
      })
    if (ctx.status === 401)
      return new AppError('auth', 'JumpCloud rejected the API key (HTTP 401).', {
        hint: KEY_HINT,
        field: 'apiKey',
        cause
      })
    if (ctx.status === 404 && providerRoute)
      return new AppError('not-found', `JumpCloud does not know the provider ID "${providerId}".`, {
        hint: 'Copy the Provider ID from the Multi-Tenant Portal: Account Management → Account Overview.',
        field: 'providerId',
        cause
      })
    if (ctx.status === 403 && providerRoute)
      return new AppError('permission', `This API key may not read the organizations of provider "${providerId}".`, {
        hint: 'Use the key of an MTP admin of this provider, and check the Provider ID in Account Management → Account Overview.',
        field: 'providerId',
        cause
      })
    if (ctx.status === 404 && !providerRoute)
      return new AppError(
        'not-found',
        `JumpCloud could not find the organization or record (${ctx.method} ${ctx.url})${said ? `: ${said}` : ''}.`,
        {
          hint: 'The organization may have been removed from the Multi-Tenant Portal; refresh the organization list.',
          cause
        }
      )
    return undefined
  }
}
