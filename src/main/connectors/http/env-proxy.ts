/**
 * Whether the environment names a proxy for this address's protocol. With axios's `proxy` option unset, axios asks
 * proxy-from-env on every request, which reads `<protocol>_proxy` and `all_proxy` (either case; its older versions also
 * `npm_config_…`, checked here too so a set one always leaves the choice to axios). When none is set no request of the
 * client can get a proxy, and saying so once (`proxy: false`) spares each request those environment reads (~3 % of a
 * billing run's CPU). When one is set, axios keeps deciding per request (NO_PROXY included), as before.
 */
export function envProxyConfigured(baseURL: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const protocol = new URL(baseURL).protocol.replace(/:$/, '').toLowerCase()
  const names = [`${protocol}_proxy`, 'all_proxy', `npm_config_${protocol}_proxy`, 'npm_config_proxy']
  return names.some((n) => Boolean(env[n] || env[n.toUpperCase()]))
}
