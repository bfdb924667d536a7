import { leadingZeroBits, solveChallenge } from './proofOfWork'

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
}

describe('the bot check', () => {
  it('counts leading zero bits', () => {
    expect(leadingZeroBits(new Uint8Array([0, 0, 0x80]))).toBe(16)
    expect(leadingZeroBits(new Uint8Array([0, 0x0f]))).toBe(12)
    expect(leadingZeroBits(new Uint8Array([0xff]))).toBe(0)
  })

  it('finds a nonce whose sha256(token:nonce) has the asked zero bits, as the API checks it', async () => {
    const proof = await solveChallenge({ token: 'abc.123', difficulty: 10 })
    expect(proof.token).toBe('abc.123')
    expect(leadingZeroBits(await digest(`abc.123:${proof.nonce}`))).toBeGreaterThanOrEqual(10)
  })

  it('stops when the form goes away', async () => {
    const stop = new AbortController()
    stop.abort()
    await expect(solveChallenge({ token: 't', difficulty: 30 }, stop.signal)).rejects.toThrow('aborted')
  })
})
