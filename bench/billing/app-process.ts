// Starts the app in its own process for a billing bench (billing/sync-child.ts) and drives it over IPC, while the
// simulators answer from the bench's process. Real vendor servers are elsewhere: with the app and the simulators on
// one JS thread, the simulators' CPU was counted in the app's sync wall time (and RSS). The child runs from a bundle,
// like the shipped CLI (tsx's loader alone would add ~35 MB), with the shipped launcher's Node flags
// (bench/launcher-flags.ts; BENCH_NODE_FLAGS='' runs without them).
import { fork, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { build } from 'tsup'
import { FromChildSchema, type FromChild, type Ready, type Synced, type ToChild } from './app-messages'
import { launcherFlags } from '../launcher-flags'
import type { Kind, SimEndpoints, Target } from './setup'

const outDir = join(import.meta.dirname, '..', '..', 'out', 'bench')
let built: Promise<string> | undefined

/** Bundles sync-child.ts once per bench process; returns the bundle's path. */
function bundle(): Promise<string> {
  built ??= build({
    entry: { 'sync-child': join(import.meta.dirname, 'sync-child.ts') },
    outDir,
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    config: false,
    silent: true,
    banner: {
      js: "import { createRequire as __psaRequire } from 'node:module'; const require = __psaRequire(import.meta.url);"
    }
  }).then(() => join(outDir, 'sync-child.js'))
  return built
}

export interface AppProcess {
  /** Figures of the start-up: refresh and mapping every org. */
  ready: Ready
  /** One billing sync in the child; the bench process's own CPU meanwhile (the simulators, some IPC). */
  sync(): Promise<Synced & { simsCpuMs: number }>
  /** Closes the app (its data folder removed) and waits for the process to end. */
  close(): Promise<void>
}

export interface AppProcessOptions {
  kind: Kind
  sims: SimEndpoints
  targets: ReadonlyMap<string, Target>
  minute: number
  /** Extra environment for the child (BENCH_TIMELINE, BENCH_RSS_TRACE are read there). */
  env?: Record<string, string>
}

export async function startAppProcess(o: AppProcessOptions): Promise<AppProcess> {
  const child = fork(await bundle(), [], {
    execArgv: launcherFlags(),
    env: { ...process.env, ...o.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  })
  const replies = inboxOf(child)
  const send = (m: ToChild) => new Promise<void>((resolve, reject) => child.send(m, (e) => (e ? reject(e) : resolve())))
  try {
    await send({ type: 'start', kind: o.kind, minute: o.minute, sims: o.sims, targets: [...o.targets] })
    const ready = await replies.expect('ready')
    return {
      ready,
      async sync() {
        const cpu0 = process.cpuUsage()
        await send({ type: 'sync' })
        const synced = await replies.expect('synced')
        const cpu = process.cpuUsage(cpu0)
        return { ...synced, simsCpuMs: (cpu.user + cpu.system) / 1000 }
      },
      async close() {
        if (child.connected) await send({ type: 'done' })
        await replies.exited
      }
    }
  } catch (e) {
    child.kill()
    throw e
  }
}

/** The child's messages in order, zod-checked; an 'error' message or an early exit rejects the one awaited. */
function inboxOf(child: ChildProcess) {
  const queue: FromChild[] = []
  let waiting: { resolve: (m: FromChild) => void; reject: (e: Error) => void } | undefined
  let failure: Error | undefined
  const fail = (e: Error) => {
    failure ??= e
    waiting?.reject(failure)
    waiting = undefined
  }
  child.on('message', (raw) => {
    const m = FromChildSchema.safeParse(raw)
    if (!m.success) return fail(new Error(`bad message from the app process: ${m.error.message}`))
    if (m.data.type === 'error') return fail(new Error(`app process: ${m.data.message}`))
    if (waiting) {
      waiting.resolve(m.data)
      waiting = undefined
    } else queue.push(m.data)
  })
  const exited = new Promise<void>((resolve, reject) => {
    child.on('error', (e) => (fail(e), reject(e)))
    child.on('exit', (code, signal) => {
      if (code === 0) return resolve(fail(new Error('app process exited')))
      const e = new Error(`app process exit ${code ?? signal}`)
      fail(e)
      reject(failure ?? e)
    })
  })
  exited.catch(() => {}) // observed by expect(); close() awaits it
  return {
    exited,
    async expect<T extends FromChild['type']>(type: T): Promise<Extract<FromChild, { type: T }>> {
      let m = queue.shift()
      if (!m) {
        if (failure) throw failure
        m = await new Promise<FromChild>((resolve, reject) => (waiting = { resolve, reject }))
      }
      if (m.type !== type) throw new Error(`app process said '${m.type}', expected '${type}'`)
      return m as Extract<FromChild, { type: T }>
    }
  }
}
