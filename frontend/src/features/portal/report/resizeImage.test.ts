import { fittedSize, MAX_SIDE } from './resizeImage'

describe('fittedSize', () => {
  it('brings a phone photo down to the longest side allowed, keeping its shape', () => {
    expect(fittedSize(4032, 3024)).toEqual({ width: MAX_SIDE, height: 1200 })
    expect(fittedSize(3024, 4032)).toEqual({ width: 1200, height: MAX_SIDE })
  })

  it('never makes a small photo larger', () => {
    expect(fittedSize(800, 600)).toEqual({ width: 800, height: 600 })
  })
})
