import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js'
import { useEffect, useRef } from 'react'

// Only what the dashboard draws (bars, lines, a legend, tooltips): Chart.js tree-shakes the rest.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip)
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
Chart.defaults.color = '#1b1f24'

type Props = {
  config: ChartConfiguration<'bar' | 'line', (number | null)[], string>
  /** What the chart shows, for people who cannot see it; its table holds the figures. */
  label: string
}

/** One Chart.js canvas, redrawn when its configuration changes and destroyed with it. */
export function ChartCanvas({ config, label }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null)

  useEffect(() => {
    const context = canvas.current?.getContext('2d')
    if (!context) return
    const chart = new Chart(context, config)
    return () => chart.destroy()
  }, [config])

  return (
    <div className="chart-canvas">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  )
}
