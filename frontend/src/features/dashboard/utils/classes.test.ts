import { CLASS_COLOURS, classOf, countClasses } from './classes'

describe('count classes', () => {
  it('keeps none apart and splits the rest into four steps up to the largest count', () => {
    const classes = countClasses([0, 3, 40, 17])
    expect(classes.map((c) => [c.min, c.max])).toEqual([[0, 0], [1, 10], [11, 20], [21, 30], [31, 40]])
    expect(classOf(0, classes)).toBe(classes[0])
    expect(classOf(17, classes)).toBe(classes[2])
    expect(classOf(40, classes)).toBe(classes[4])
  })

  it('makes fewer classes than four for small counts, and only "none" without any', () => {
    expect(countClasses([2, 1]).map((c) => [c.min, c.max, c.colour])).toEqual([
      [0, 0, CLASS_COLOURS[0]],
      [1, 1, CLASS_COLOURS[3]],
      [2, 2, CLASS_COLOURS[4]],
    ])
    expect(countClasses([])).toHaveLength(1)
  })
})
