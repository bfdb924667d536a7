import type { Challenge, Proof } from '../../api/queries/portal'

function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0
  for (const byte of bytes) {
    if (byte === 0) {
      bits += 8
      continue
    }
    return bits + Math.clz32(byte) - 24
  }
  return bits
}

/**
 * Finds a nonce such that sha256(token + ":" + nonce) starts with `difficulty` zero bits: the
 * bot check that sends nothing to a third party and asks nothing of the resident. It yields to
 * the page every 25 ms so typing never stalls while it runs.
 */
export async function solveChallenge({ token, difficulty }: Challenge, signal?: AbortSignal): Promise<Proof> {
  const encoder = new TextEncoder()
  let slice = performance.now()
  for (let nonce = 0; ; nonce += 1) {
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError')
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(`${token}:${nonce}`)))
    if (leadingZeroBits(digest) >= difficulty) return { token, nonce: String(nonce) }
    // Hand the page back every 25 ms: no long task, and few of the 4 ms a timer costs.
    if (performance.now() - slice > 25) {
      await new Promise((resolve) => setTimeout(resolve, 0))
      slice = performance.now()
    }
  }
}

export { leadingZeroBits }
