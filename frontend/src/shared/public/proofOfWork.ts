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
 * the page every batch so typing never stalls while it runs.
 */
export async function solveChallenge({ token, difficulty }: Challenge, signal?: AbortSignal): Promise<Proof> {
  const encoder = new TextEncoder()
  for (let nonce = 0; ; nonce += 1) {
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError')
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(`${token}:${nonce}`)))
    if (leadingZeroBits(digest) >= difficulty) return { token, nonce: String(nonce) }
    if (nonce % 64 === 63) await new Promise((resolve) => setTimeout(resolve, 0))
  }
}

export { leadingZeroBits }
