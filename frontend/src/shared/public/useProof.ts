import { useCallback, useEffect, useRef, useState } from 'react'
import { portalWrites, type Proof } from '../../api/queries/portal'
import { solveChallenge } from './proofOfWork'

/**
 * Starts the bot check when a form opens and keeps its answer ready: `take()` hands the proof
 * over (waiting for it if needed) and starts a fresh one, since each token is single use.
 */
export function useProof(active = true) {
  const pending = useRef<Promise<Proof> | null>(null)
  const [ready, setReady] = useState(false)

  const start = useCallback(() => {
    setReady(false)
    const solving = portalWrites.challenge().then((challenge) => solveChallenge(challenge))
    solving.then(() => setReady(true)).catch(() => undefined)
    pending.current = solving
    return solving
  }, [])

  useEffect(() => {
    if (active && !pending.current) start()
  }, [active, start])

  const take = useCallback(async (): Promise<Proof> => {
    const proof = await (pending.current ?? start())
    pending.current = null
    start()
    return proof
  }, [start])

  return { ready, take }
}
