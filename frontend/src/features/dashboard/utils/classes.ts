/** Light to dark blue; the first is "none", the darkest still outlined against the page. */
export const CLASS_COLOURS = ['#f4f6f8', '#c6dbef', '#6baed6', '#2171b5', '#08306b'] as const

export type ColourClass = { colour: string; min: number; max: number }

/**
 * Classes for a choropleth of counts: none (0), then up to four equal steps to the largest count
 * (fewer when the counts are small, so no class is empty by construction), darker as they grow.
 */
export function countClasses(counts: readonly number[]): ColourClass[] {
  const largest = Math.max(0, ...counts)
  const classes: ColourClass[] = [{ colour: CLASS_COLOURS[0], min: 0, max: 0 }]
  const steps = Math.min(4, largest)
  for (let step = 0; step < steps; step++) {
    const min = Math.floor((largest * step) / steps) + 1
    const max = Math.floor((largest * (step + 1)) / steps)
    // The darkest colours: the busiest area is always the darkest.
    classes.push({ colour: CLASS_COLOURS[CLASS_COLOURS.length - steps + step]!, min, max })
  }
  return classes
}

export function classOf(count: number, classes: readonly ColourClass[]): ColourClass {
  return classes.find((c) => count >= c.min && count <= c.max) ?? classes[0]!
}
